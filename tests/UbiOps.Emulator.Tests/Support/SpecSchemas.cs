using System.Reflection;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;

namespace UbiOps.Emulator.Tests.Support;

/// <summary>
/// The spec's answer schemas, read from the YAML with NSwag (independently of the emulator's own
/// YAML-to-JSON conversion), to check that every JSON answer is what the spec promises.
/// </summary>
internal sealed class SpecSchemas
{
    private static readonly Lazy<Task<SpecSchemas>> Shared = new(LoadAsync);
    private readonly OpenApiDocument _document;
    private readonly List<(Regex Pattern, int Literals, OpenApiPathItem Item)> _paths;

    private SpecSchemas(OpenApiDocument document)
    {
        _document = document;
        _paths = document.Paths.Select(p => (
            new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^}]+}", "[^/]+") + "$"),
            p.Key.Split('/').Count(s => s.Length > 0 && !s.StartsWith('{')),
            p.Value)).ToList();
    }

    public static Task<SpecSchemas> GetAsync() => Shared.Value;

    public static string ReadSpecYaml()
    {
        using var stream = typeof(UbiOpsEmulator).Assembly.GetManifestResourceStream("openapi.yaml")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public OpenApiDocument Document => _document;

    /// <summary>The operation for a method and a path below the base URL, or null when the spec has none.</summary>
    public OpenApiOperation? FindOperation(string method, string path) =>
        _paths.Where(p => p.Pattern.IsMatch(path))
            .OrderByDescending(p => p.Literals)
            .Select(p => p.Item.TryGetValue(method.ToLowerInvariant(), out var operation) ? operation : null)
            .FirstOrDefault(o => o is not null);

    /// <summary>What is wrong with an answer, by the spec; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, string body)
    {
        var errors = new List<string>();
        JToken json;
        try
        {
            json = JToken.Parse(body);
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            return [$"the body is not JSON: {ex.Message}"];
        }

        if (status >= 400)
        {
            // Every error answer, declared or not (413, 415, 405, 503), is {"error": "…"}.
            if (json is not JObject { } error || error["error"] is not JValue { Type: JTokenType.String } text || string.IsNullOrWhiteSpace(text.Value<string>()))
            {
                errors.Add($"an error answer must be {{\"error\": \"…\"}}, got {body}");
            }

            errors.AddRange(Validate(_document.Components.Schemas["ErrorResponse"], body));
            return errors;
        }

        var operation = FindOperation(method, path);
        if (operation is null)
        {
            return [$"no operation in the spec for {method} {path}"];
        }

        if (!operation.ActualResponses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response))
        {
            return [$"{operation.OperationId} does not declare status {status}"];
        }

        var schema = response.ActualResponse.Content.TryGetValue("application/json", out var media) ? media.Schema : null;
        if (schema is null)
        {
            return [$"{operation.OperationId} {status} declares no JSON body, but one was sent"];
        }

        if (schema.Format == "binary")
        {
            return errors; // a file (a request's input or output): any JSON value is its content
        }

        errors.AddRange(Validate(schema, body).Select(e => $"{operation.OperationId} {status}: {e}"));
        return errors;
    }

    private static IEnumerable<string> Validate(JsonSchema schema, string body) =>
        schema.Validate(body, SchemaType.OpenApi3).Select(e => e.ToString());

    private static async Task<SpecSchemas> LoadAsync() =>
        new(await OpenApiYamlDocument.FromYamlAsync(ReadSpecYaml()).ConfigureAwait(false));
}
