using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Deployments;

namespace UbiOps.Emulator.Docs;

/// <summary>
/// Serves the spec (<c>/openapi.yaml</c>, and <c>/openapi.json</c> converted from it), the interactive
/// API reference page (<c>/</c>, <c>/docs</c>) from embedded files only, and <c>/emulator.json</c> with
/// the project and deployments (no token), which the page uses to fill in its forms.
/// </summary>
internal static class DocsEndpoints
{
    public static void Map(WebApplication app)
    {
        var yaml = ReadResource("openapi.yaml");
        var json = YamlToJson.Convert(yaml).ToString(Formatting.Indented);
        var page = ReadResource("docs/index.html");
        var script = ReadResource("docs/app.js");
        var style = ReadResource("docs/app.css");
        var catalog = app.Services.GetRequiredService<DeploymentCatalog>();
        var settings = app.Services.GetRequiredService<Http.EmulatorSettings>();
        var info = new JObject
        {
            ["project"] = catalog.Project,
            ["base_path"] = ApiRoutes.BasePath,
            // The generation served, and its operations: the page shows only those.
            ["api"] = settings.Api.Name,
            ["operations"] = new JArray(ApiOperations.Endpoints.Where(e => settings.Api.Serves(e.Info.Operation)).Select(e => e.OperationId)),
            // Only the well-known default token is shared, so the page works out of the box; a custom
            // token is never served.
            ["default_token"] = settings.Token == EmulatorOptions.DefaultToken ? EmulatorOptions.DefaultToken : null,
            ["deployments"] = new JArray(catalog.Deployments.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new JObject
            {
                ["name"] = d.Name,
                ["input_type"] = d.InputType.ToString().ToLowerInvariant(),
                ["versions"] = new JArray(d.Versions),
                ["default_version"] = d.EffectiveDefaultVersion,
            })),
        }.ToString(Formatting.None);

        app.MapGet("/openapi.yaml", () => Results.Text(yaml, "application/yaml; charset=utf-8"));
        app.MapGet("/openapi.json", () => Results.Text(json, "application/json; charset=utf-8"));
        app.MapGet("/emulator.json", () => Results.Text(info, "application/json; charset=utf-8"));
        app.MapGet("/", () => Results.Text(page, "text/html; charset=utf-8"));
        app.MapGet("/docs", () => Results.Text(page, "text/html; charset=utf-8"));
        app.MapGet("/docs/app.js", () => Results.Text(script, "text/javascript; charset=utf-8"));
        app.MapGet("/docs/app.css", () => Results.Text(style, "text/css; charset=utf-8"));
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from the emulator.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
