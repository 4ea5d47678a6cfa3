using System.Net.Http.Headers;
using UbiOps.Client;

namespace UbiOps.Emulator.Tests.Support;

/// <summary>Starts emulators for tests and builds clients that talk to them over loopback HTTP.</summary>
internal static class TestEmulator
{
    public static Task<UbiOpsEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions();
        configure?.Invoke(options);
        return UbiOpsEmulator.StartAsync(options);
    }

    /// <summary>The generated raw client, with every answer checked against the spec.</summary>
    public static DeploymentRequestsClient Client(UbiOpsEmulator emulator) =>
        new(new HttpClient(new SchemaValidatingHandler()), new UbiOpsClientOptions { Token = emulator.Token, BaseUrl = emulator.BaseUrl });

    /// <summary>A plain HTTP client for bodies the generated client cannot send; answers are checked against the spec.</summary>
    public static HttpClient Raw(UbiOpsEmulator emulator, string? token = "default")
    {
        var http = new HttpClient(new SchemaValidatingHandler()) { BaseAddress = new Uri(emulator.BaseUrl + "/") };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token == "default" ? emulator.Token : token);
        }

        return http;
    }

    public static string Deployment(UbiOpsEmulator emulator, string deployment, string? version = null) =>
        $"projects/{emulator.Project}/deployments/{deployment}/" + (version is null ? "" : $"versions/{version}/") + "requests";
}
