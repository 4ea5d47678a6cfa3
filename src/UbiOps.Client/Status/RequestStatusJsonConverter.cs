using Newtonsoft.Json;

namespace UbiOps.Client;

/// <summary>Writes a <see cref="RequestStatus"/> as its JSON string and reads any string back.</summary>
internal sealed class RequestStatusJsonConverter : JsonConverter<RequestStatus>
{
    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, RequestStatus value, JsonSerializer serializer) =>
        writer.WriteValue(value.Value);

    /// <inheritdoc />
    public override RequestStatus ReadJson(JsonReader reader, Type objectType, RequestStatus existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        reader.TokenType == JsonToken.String && reader.Value is string { Length: > 0 } text
            ? new RequestStatus(text)
            : throw new JsonSerializationException($"A request status is a non-empty JSON string (path '{reader.Path}').");
}
