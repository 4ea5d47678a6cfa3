using System.Text;
using Newtonsoft.Json;
using UbiOps.Client;

namespace UbiOps.Emulator.Http;

/// <summary>
/// Writes answers with Newtonsoft.Json, the serializer the generated models are made for (they
/// carry the API's time format on their date fields).
/// </summary>
internal sealed class JsonResponse(object? body, int statusCode) : IResult
{
    private static readonly JsonSerializerSettings Settings = CreateSettings();

    public static JsonResponse Ok(object? body) => new(body, StatusCodes.Status200OK);

    public static JsonResponse Error(int statusCode, string message) => new(new ErrorResponse { Error = message }, statusCode);

    /// <summary>An answer without some fields at all (not even as null), e.g. a get with metadata_only.</summary>
    public static JsonResponse OkWithout(object body, params string[] fields)
    {
        var json = Newtonsoft.Json.Linq.JObject.FromObject(body, JsonSerializer.Create(Settings));
        foreach (var field in fields)
        {
            json.Remove(field);
        }

        return Ok(json);
    }

    public static string Serialize(object? body) => JsonConvert.SerializeObject(body, Formatting.None, Settings);

    private static JsonSerializerSettings CreateSettings()
    {
        // Free-form data (request data, results) keeps a date-like string as the string it was.
        return new JsonSerializerSettings { ContractResolver = ExplicitNullsContractResolver.Instance, DateParseHandling = DateParseHandling.None };
    }

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
