using System.Globalization;
using Newtonsoft.Json;

namespace UbiOps.Client;

/// <summary>
/// Writes a model's time in the API's format (<c>2020-03-28T20:00:26.613+00:00</c>) whatever the
/// serializer's settings, and reads any ISO 8601 time. The generated models carry it on every
/// date-time field (see openapi/templates/Class.liquid).
/// </summary>
internal sealed class ApiDateTimeConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) =>
        objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset time)
        {
            writer.WriteValue(time.ToString(JsonDefaults.DateFormat, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull();
        }
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) => reader.TokenType switch
    {
        JsonToken.Null when objectType == typeof(DateTimeOffset?) => null,
        JsonToken.String => Parse(reader),
        JsonToken.Date => reader.Value switch
        {
            DateTimeOffset offset => offset,
            // A reader that parses dates itself gives a DateTime; one without a zone is the server's UTC.
            DateTime dateTime => dateTime.Kind == DateTimeKind.Unspecified
                ? new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc))
                : new DateTimeOffset(dateTime),
            _ => throw Unexpected(reader),
        },
        _ => throw Unexpected(reader),
    };

    // A time without an offset is taken as UTC, the server's clock.
    private static DateTimeOffset Parse(JsonReader reader) =>
        DateTimeOffset.TryParse((string)reader.Value!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw Unexpected(reader);

    private static JsonSerializationException Unexpected(JsonReader reader) =>
        new($"Expected a time such as 2020-03-28T20:00:26.613+00:00 at '{reader.Path}', found {reader.TokenType} {reader.Value}.");
}
