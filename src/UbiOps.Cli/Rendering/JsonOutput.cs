using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Client;

namespace UbiOps.Cli.Rendering;

/// <summary>Writes API models as JSON in the API's own field names and time format.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(ApiJson.CreateSettings());

    public static JToken ToJson(object? value) => value is null ? JValue.CreateNull() : JToken.FromObject(value, Serializer);

    /// <summary>Indented, for one object or a list read by people.</summary>
    public static void WriteIndented(TextWriter writer, object? value) =>
        writer.WriteLine(ToJson(value).ToString(Formatting.Indented));

    /// <summary>One line, for streams read by programs (JSON lines).</summary>
    public static void WriteLine(TextWriter writer, object? value) =>
        writer.WriteLine(ToJson(value).ToString(Formatting.None));
}
