using Newtonsoft.Json.Linq;

namespace UbiOps.Client;

/// <summary>How the text of a request's input or output file becomes a <see cref="RequestPayload"/>, by its media type.</summary>
internal static class RequestPayloadText
{
    /// <summary>The payload; <see langword="null"/> for a JSON <c>null</c> (a deployment that returned nothing).</summary>
    public static RequestPayload? Read(string text, string? mediaType)
    {
        if (IsJson(mediaType))
        {
            return RequestPayload.FromToken(JsonDefaults.ParseToken(text, "content"));
        }

        if (mediaType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return RequestPayload.FromJson(new JValue(text));
        }

        // No telling media type: JSON when it is JSON (a structured deployment's data), else text.
        try
        {
            return RequestPayload.FromToken(JsonDefaults.ParseToken(text, "content"));
        }
        catch (ArgumentException)
        {
            return RequestPayload.FromJson(new JValue(text));
        }
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null &&
        (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
