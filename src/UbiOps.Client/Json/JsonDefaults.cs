using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client;

/// <summary>The JSON conventions of the UbiOps API, the one place the client takes them from (<see cref="ApiJson"/> shows them).</summary>
internal static class JsonDefaults
{
    /// <summary>The API's time format, e.g. <c>2020-03-28T20:00:26.613+00:00</c>.</summary>
    public const string DateFormat = ApiJson.DateFormat;

    /// <summary>A serializer with the API's conventions, for converting payloads.</summary>
    internal static JsonSerializer Serializer { get; } = JsonSerializer.Create(Create());

    /// <summary>Applies the API's conventions to serializer settings.</summary>
    internal static void Apply(JsonSerializerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Request data and results are free-form JSON: a string that looks like a date must stay
        // the string the deployment produced, not become a DateTime.
        settings.DateParseHandling = DateParseHandling.None;
        settings.DateFormatString = DateFormat;
        settings.FloatParseHandling = FloatParseHandling.Double;
    }

    /// <summary>New settings with the API's conventions applied.</summary>
    public static JsonSerializerSettings Create()
    {
        var settings = new JsonSerializerSettings();
        Apply(settings);
        return settings;
    }

    /// <summary>
    /// Parses one JSON value with the API's conventions; anything after it but white space is an
    /// error, so is a comment.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not one valid JSON value; names <paramref name="parameterName"/>.</exception>
    internal static JToken ParseToken(string json, string parameterName)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
            };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { CommentHandling = CommentHandling.Load });
            if (token.Type == JTokenType.Comment || (token is JContainer container && container.Descendants().Any(t => t.Type == JTokenType.Comment)) || reader.Read())
            {
                throw new JsonReaderException("Only one JSON value, without comments, is allowed.");
            }

            return token;
        }
        catch (JsonReaderException e)
        {
            throw new ArgumentException($"The text is not valid JSON: {e.Message}", parameterName, e);
        }
    }
}
