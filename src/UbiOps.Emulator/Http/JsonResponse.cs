using System.Text;
using Newtonsoft.Json;
using UbiOps.Client;

namespace UbiOps.Emulator.Http;

/// <summary>
/// Writes answers with Newtonsoft.Json and the API's conventions (<see cref="JsonDefaults"/>), the
/// same serializer the generated models are made for.
/// </summary>
internal sealed class JsonResponse(object? body, int statusCode) : IResult
{
    private static readonly JsonSerializerSettings Settings = JsonDefaults.Create();

    public static JsonResponse Ok(object? body) => new(body, StatusCodes.Status200OK);

    public static JsonResponse Error(int statusCode, string message) => new(new ErrorResponse { Error = message }, statusCode);

    public static string Serialize(object? body) => JsonConvert.SerializeObject(body, Formatting.None, Settings);

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext.Response, body, statusCode);

    public static async Task WriteAsync(HttpResponse response, object? body, int statusCode)
    {
        var bytes = Encoding.UTF8.GetBytes(Serialize(body));
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }
}
