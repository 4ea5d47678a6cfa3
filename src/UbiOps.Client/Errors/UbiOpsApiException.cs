using Newtonsoft.Json.Linq;

namespace UbiOps.Client;

// Handwritten half of the generated exception: the server's error text and a message that names
// it. The generated constructor, StatusCode, Response and Headers stay as generated.
/// <summary>
/// An answer of the UbiOps API that is not a success: the status code, the server's error text
/// (<see cref="Error"/>), the raw body and the response headers.
/// </summary>
public partial class UbiOpsApiException
{
    /// <summary>
    /// The server's explanation: the <c>error</c> field of the JSON body (or <c>error_message</c>,
    /// then <c>detail</c>); the raw body when it is not such JSON; <see langword="null"/> when empty.
    /// </summary>
    public string? Error => ErrorText.Extract(Response);

    /// <inheritdoc />
    public override string Message => Error is { Length: > 0 } error
        ? $"UbiOps API answered {StatusCode}: {error}"
        : base.Message;
}

/// <summary>Reads the error text out of an error body.</summary>
internal static class ErrorText
{
    public static string? Extract(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            if (JToken.Parse(body) is JObject json)
            {
                foreach (var field in new[] { "error", "error_message", "detail" })
                {
                    if (json[field] is { Type: not JTokenType.Null } value)
                    {
                        return value.Type == JTokenType.String ? value.Value<string>() : value.ToString(Newtonsoft.Json.Formatting.None);
                    }
                }
            }
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            // Not JSON (a proxy's HTML page, say): the body itself is the best explanation.
        }

        return body.Length <= 512 ? body.Trim() : body[..512].Trim();
    }
}
