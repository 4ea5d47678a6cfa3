using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Emulator.Tests.Support;

/// <summary>JSON helpers that keep values as the server sent them.</summary>
internal static class Json
{
    private static readonly JsonSerializerSettings Settings = new() { DateParseHandling = DateParseHandling.None };

    /// <summary>Parses without turning date-like strings into dates, so formats can be asserted.</summary>
    public static JToken Parse(string text) => JsonConvert.DeserializeObject<JToken>(text, Settings)!;

    /// <summary>A generated model's free-form value (a JToken, or a string for plain results) as JSON.</summary>
    public static JToken Of(object? value) => value as JToken ?? (value is null ? JValue.CreateNull() : JToken.FromObject(value));
}
