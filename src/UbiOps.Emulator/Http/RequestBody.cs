using System.Text;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Emulator.Http;

/// <summary>Reads a call's body as JSON (or, where allowed, as <c>text/plain</c>), naming any problem.</summary>
internal static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The body as a JSON value. With <paramref name="allowPlainText"/>, a <c>text/plain</c> body is
    /// taken as one string (how the official Python client sends a plain request).
    /// </summary>
    public static async Task<JToken> ReadAsync(HttpContext context, bool allowPlainText, long limit) =>
        await ReadCoreAsync(context, allowPlainText, limit, allowEmpty: false).ConfigureAwait(false)
        ?? throw ApiProblem.BadRequest("The request body is empty; expected JSON.");

    private static async Task<JToken?> ReadCoreAsync(HttpContext context, bool allowPlainText, long limit, bool allowEmpty)
    {
        var contentType = context.Request.ContentType;
        var accepted = allowPlainText ? "application/json or text/plain" : "application/json";
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType,
                $"The request has no valid Content-Type; send {accepted}.");
        }

        var isJson = mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
                     mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
        var isText = mediaType.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
        if (!isJson && !(isText && allowPlainText))
        {
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType,
                $"Content-Type '{mediaType.MediaType}' is not supported here; send {accepted}.");
        }

        // The charset may be quoted (charset="utf-8"); Charset gives it with its quotes.
        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        if (mediaType.Charset.HasValue && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) &&
            !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, $"Charset '{charset}' is not supported; send UTF-8.");
        }

        var text = await ReadTextAsync(context, limit).ConfigureAwait(false);
        if (isText)
        {
            return new JValue(text);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return allowEmpty ? null : throw ApiProblem.BadRequest("The request body is empty; expected JSON.");
        }

        return ParseJson(text);
    }

    /// <summary>
    /// A body that may be left out: <see langword="null"/> when there is none (no content, or only
    /// white space), else the JSON value, read as <see cref="ReadAsync"/> does.
    /// </summary>
    public static async Task<JToken?> ReadOptionalAsync(HttpContext context, long limit)
    {
        if (string.IsNullOrWhiteSpace(context.Request.ContentType))
        {
            // No Content-Type is fine only for no body at all.
            return string.IsNullOrWhiteSpace(await ReadTextAsync(context, limit).ConfigureAwait(false))
                ? null
                : throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "The request has a body but no Content-Type; send application/json.");
        }

        return await ReadCoreAsync(context, allowPlainText: false, limit, allowEmpty: true).ConfigureAwait(false);
    }

    public static JToken ParseJson(string text)
    {
        CheckStandardJson(text);
        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
                MaxDepth = 64,
            };
            var token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                throw ApiProblem.BadRequest($"Malformed JSON: unexpected content after the JSON value at position {reader.LinePosition}.");
            }

            return token;
        }
        catch (JsonException ex)
        {
            throw ApiProblem.BadRequest($"Malformed JSON: {ex.Message}");
        }
    }

    /// <summary>
    /// Newtonsoft's reader is lenient: it takes comments, <c>undefined</c>, <c>new Date(1)</c> and
    /// <c>NaN</c>, which would be stored and echoed as answers that are not JSON. System.Text.Json's
    /// reader checks the standard grammar (RFC 8259), which has no comments.
    /// </summary>
    private static void CheckStandardJson(string text)
    {
        var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(text), new System.Text.Json.JsonReaderOptions
        {
            CommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
        });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw ApiProblem.BadRequest($"Malformed JSON: {ex.Message}");
        }
    }

    private static async Task<string> ReadTextAsync(HttpContext context, long limit)
    {
        // The limit is enforced here rather than by Kestrel, so that an oversized body can be read
        // to its end (up to twice the limit) and the client, still sending, receives the 413 answer
        // instead of a reset connection.
        var sizeFeature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        var drainLimit = limit * 2;
        var tooLarge = new ApiProblem(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {limit} bytes.");
        if (context.Request.ContentLength > drainLimit)
        {
            throw tooLarge;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await ReadChunkAsync(context, chunk).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > drainLimit)
            {
                throw tooLarge;
            }

            if (total <= limit)
            {
                buffer.Write(chunk, 0, read);
            }
        }

        if (total > limit)
        {
            throw tooLarge;
        }

        try
        {
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw ApiProblem.BadRequest("The request body is not valid UTF-8.");
        }
    }

    /// <summary>
    /// One read of the body. Kestrel reports some malformed framing as a plain <see cref="IOException"/>
    /// rather than a <see cref="BadHttpRequestException"/> (a chunk size that overflows 64 bits, for
    /// one): that is the client's mistake, so it is a 400, not an unexpected error.
    /// </summary>
    private static async Task<int> ReadChunkAsync(HttpContext context, byte[] chunk)
    {
        try
        {
            return await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException && !context.RequestAborted.IsCancellationRequested)
        {
            throw ApiProblem.BadRequest($"The request body could not be read: {ex.Message}");
        }
    }
}
