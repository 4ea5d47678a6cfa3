using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Client;

namespace UbiOps.Emulator.Tests.Support;

/// <summary>JSON helpers that keep values as the server sent them.</summary>
internal static class Json
{
    private static readonly JsonSerializerSettings Settings = new() { DateParseHandling = DateParseHandling.None };

    /// <summary>Parses without turning date-like strings into dates, so formats can be asserted.</summary>
    public static JToken Parse(string text) => JsonConvert.DeserializeObject<JToken>(text, Settings)!;

    /// <summary>A generated model's payload (request data or result) as JSON; a missing one as JSON null.</summary>
    public static JToken Of(RequestPayload? payload) => payload?.AsJson() ?? JValue.CreateNull();
}
