using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client;

/// <summary>
/// Writes a <see cref="RequestInput"/> the way the API expects it: a plain input as a JSON string,
/// a structured input as a JSON object; reads both back.
/// </summary>
internal sealed class RequestInputJsonConverter : JsonConverter<RequestInput>
{
    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, RequestInput? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        value.WriteTo(writer);
    }

    /// <inheritdoc />
    public override RequestInput? ReadJson(JsonReader reader, Type objectType, RequestInput? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        var token = JToken.Load(reader);
        return token.Type switch
        {
            JTokenType.Null => null,
            JTokenType.String => RequestInput.Plain(token.Value<string>()!),
            JTokenType.Object => RequestInput.FromObject(token),
            _ => throw new JsonSerializationException($"A request input is a JSON string or object, not a JSON {token.Type.ToString().ToLowerInvariant()} (path '{reader.Path}')."),
        };
    }
}
