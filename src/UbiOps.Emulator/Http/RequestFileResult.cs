using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator.Http;

/// <summary>
/// A request's input or output answered as a file: a string (a plain deployment's data) as
/// <c>text/plain</c>, any other JSON value as <c>application/json</c>, with a file name.
/// </summary>
internal static class RequestFileResult
{
    /// <param name="stored">The stored JSON text of the data.</param>
    /// <param name="what"><c>input</c> or <c>output</c>: the file's name.</param>
    public static IResult Of(string stored, string what)
    {
        var json = StoredJson.Parse(stored);
        var (bytes, contentType, extension) = json.Type == JTokenType.String
            ? (Encoding.UTF8.GetBytes(json.Value<string>()!), "text/plain; charset=utf-8", "txt")
            : (Encoding.UTF8.GetBytes(stored), "application/json", "json");
        return new FileAnswer(bytes, contentType, $"{what}.{extension}");
    }

    /// <summary>The file with a quoted name (<c>attachment; filename="input.json"</c>), which is what clients parse; ASP.NET's own header leaves it unquoted.</summary>
    private sealed class FileAnswer(byte[] bytes, string contentType, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = contentType;
            response.ContentLength = bytes.Length;
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await response.Body.WriteAsync(bytes, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
