using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client;

/// <summary>Reads any JSON value into a <see cref="RequestPayload"/> (null stays null) and writes it back unchanged.</summary>
internal sealed class RequestPayloadJsonConverter : JsonConverter<RequestPayload>
{
    public override void WriteJson(JsonWriter writer, RequestPayload? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        value.WriteTo(writer);
    }

    public override RequestPayload? ReadJson(JsonReader reader, Type objectType, RequestPayload? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        RequestPayload.FromToken(JToken.Load(reader));
}
