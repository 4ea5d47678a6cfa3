using System.Text;
using Newtonsoft.Json;
using UbiOps.Client;

namespace UbiOps.Emulator.Http;

/// <summary>
/// Writes answers with Newtonsoft.Json, the serializer the generated models are made for (they
/// carry the API's time format on their date fields).
/// </summary>
internal sealed class JsonResponse(object? body, int statusCode, ApiGeneration api) : IResult
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ApiGeneration, JsonSerializerSettings> SettingsByGeneration = new();

    /// <summary>A 200 with the fields <paramref name="api"/> sends.</summary>
    public static JsonResponse Ok(object? body, ApiGeneration api) => new(body, StatusCodes.Status200OK, api);

    public static JsonResponse Error(int statusCode, string message) => new(new ErrorResponse { Error = message }, statusCode, ApiGeneration.Latest);

    /// <summary>An answer without some fields at all (not even as null), e.g. a get with metadata_only.</summary>
    public static JsonResponse OkWithout(object body, ApiGeneration api, params string[] fields)
    {
        var json = Newtonsoft.Json.Linq.JObject.FromObject(body, JsonSerializer.Create(SettingsFor(api)));
        foreach (var field in fields)
        {
            json.Remove(field);
        }

        return Ok(json, api);
    }

    public static string Serialize(object? body, ApiGeneration api) => JsonConvert.SerializeObject(body, Formatting.None, SettingsFor(api));

    // Free-form data (request data, results) keeps a date-like string as the string it was.
    private static JsonSerializerSettings SettingsFor(ApiGeneration api) => SettingsByGeneration.GetOrAdd(api, generation =>
        new JsonSerializerSettings { ContractResolver = ExplicitNullsContractResolver.For(generation), DateParseHandling = DateParseHandling.None });

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext.Response, body, statusCode, api);

    /// <summary>Writes an error body (the same in every generation).</summary>
    public static Task WriteAsync(HttpResponse response, object? body, int statusCode) => WriteAsync(response, body, statusCode, ApiGeneration.Latest);

    public static async Task WriteAsync(HttpResponse response, object? body, int statusCode, ApiGeneration api)
    {
        var bytes = Encoding.UTF8.GetBytes(Serialize(body, api));
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }
}
