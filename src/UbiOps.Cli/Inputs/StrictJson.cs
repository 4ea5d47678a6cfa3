using System.Text;
using System.Text.Json;

namespace UbiOps.Cli.Inputs;

/// <summary>Checks that text is exactly one value of standard JSON (RFC 8259).</summary>
internal static class StrictJson
{
    /// <summary>The problem with the text, or <see langword="null"/> when it is valid JSON.</summary>
    public static string? Check(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions
        {
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
        });
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException e)
        {
            // "… LineNumber: 0 | BytePositionInLine: 7." — the caller reports the line itself; and
            // advice meant for the programmer ("Change the reader options.") is not the user's.
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
            var sentences = message.Split(". ", StringSplitOptions.RemoveEmptyEntries)
                .Where(s => !s.Contains("reader options", StringComparison.OrdinalIgnoreCase));
            return string.Join(". ", sentences).TrimEnd('.', ' ');
        }
    }
}
