using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Emulator.Storage;

/// <summary>Reads JSON text the store holds (request data, results) back exactly as it was accepted.</summary>
internal static class StoredJson
{
    /// <summary>
    /// Parses stored text: strings stay strings (no date parsing, which would turn a date-like
    /// string into a Date and echo it in another format and time zone), floats stay doubles, and no
    /// depth limit (the text was checked when it came in; a result may nest deeper than a request body).
    /// </summary>
    public static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, MaxDepth = null,
        };
        return JToken.ReadFrom(reader);
    }
}
