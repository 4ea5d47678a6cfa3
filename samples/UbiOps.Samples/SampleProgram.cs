using Microsoft.Extensions.Configuration;
using UbiOps.Client;
using UbiOps.Emulator;

namespace UbiOps.Samples;

/// <summary>
/// Runs every example and prints what each returned: against the UbiOps service when
/// <c>UBIOPS_API_TOKEN</c> is set, otherwise against an embedded emulator.
/// </summary>
public static class SampleProgram
{
    /// <summary>The environment variable naming the project when running against the service.</summary>
    public const string ProjectEnvironmentVariable = "UBIOPS_PROJECT";

    /// <summary>Runs the examples.</summary>
    /// <param name="output">Where to print the results.</param>
    /// <param name="getEnvironmentVariable">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/> in the program).</param>
    /// <param name="cancellationToken">Stops the examples.</param>
    /// <returns>The exit code: 0 when every example ran, 2 when the configuration is incomplete.</returns>
    public static async Task<int> RunAsync(TextWriter output, Func<string, string?> getEnvironmentVariable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);

        var token = getEnvironmentVariable(UbiOpsClientOptions.TokenEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            // <readme:emulator>
            await using var emulator = await UbiOpsEmulator.StartAsync(cancellationToken); // project "demo", token "emulator-token", a free loopback port
            var client = UbiOpsClient.Create(new UbiOpsClientOptions { Token = emulator.Token, BaseUrl = emulator.BaseUrl });
            // </readme:emulator>
            output.WriteLine($"UBIOPS_API_TOKEN is not set: running the examples against an embedded emulator at {emulator.BaseUrl} (project '{emulator.Project}').");
            await RunExamplesAsync(output, client, emulator.Token, emulator.BaseUrl, emulator.Project, cancellationToken);
            return 0;
        }

        var project = getEnvironmentVariable(ProjectEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(project))
        {
            output.WriteLine($"UBIOPS_API_TOKEN is set: set {ProjectEnvironmentVariable} too, to a project with the deployments echo (versions v1 and v2), plain-echo, sleep and fail.");
            return 2;
        }

        var baseUrl = getEnvironmentVariable(UbiOpsClientOptions.HostEnvironmentVariable) is { Length: > 0 } host ? host : UbiOpsClientOptions.DefaultBaseUrl;
        output.WriteLine($"Running the examples against {baseUrl} (project '{project}').");
        await RunExamplesAsync(output, ConnectExample.Connect(token, baseUrl), token, baseUrl, project, cancellationToken);
        return 0;
    }

    private static async Task RunExamplesAsync(
        TextWriter output, UbiOpsClient client, string token, string baseUrl, string project, CancellationToken cancellationToken)
    {
        var plainEcho = ConnectExample.Connect(token, baseUrl).Deployment(project, "plain-echo");
        var resilientPlainEcho = ConnectExample.ConnectWithResilience(token, baseUrl).Deployment(project, "plain-echo");
        var ping = await plainEcho.CreateAsync("ping", cancellationToken);
        var pong = await resilientPlainEcho.CreateAsync("pong", cancellationToken);
        output.WriteLine($"connect: plain-echo answered '{ping.Result}' through Connect and '{pong.Result}' through ConnectWithResilience");

        var direct = await DirectRequestExample.RunAsync(client, project, cancellationToken);
        output.WriteLine($"direct-request: {direct.DefaultVersion.Version} {direct.DefaultVersion.Status} {direct.Weather}; " +
            $"explicit version {direct.ExplicitVersion.Version} {direct.ExplicitVersion.Result}; plain '{direct.PlainText}'");

        var folder = Directory.CreateTempSubdirectory("ubiops-samples-");
        try
        {
            var files = await FilesAndPriorityExample.RunAsync(client, project, folder.FullName, cancellationToken);
            output.WriteLine($"files-and-priority: input {files.Input}, output {files.Output}, saved {Path.GetFileName(files.SavedOutput)}: {await File.ReadAllTextAsync(files.SavedOutput, cancellationToken)}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        var batch = await BatchAndWaitExample.RunAsync(client, project, cancellationToken);
        output.WriteLine($"batch-and-wait: {batch.Created.Count} created, {batch.Finished.Count} finished, " +
            $"{batch.Finished.Count(r => r.Status == RequestStatus.Completed)} completed");

        var run = await RunManyInputsExample.RunAsync(client, project, cancellationToken);
        var inOrder = run.Outcomes.Select(o => o.Index).SequenceEqual(Enumerable.Range(0, run.Inputs.Count).Select(i => (long)i));
        var echoed = run.Outcomes.All(o => o.Succeeded && o.Result!.AsString() == run.Inputs[(int)o.Index].ToString());
        output.WriteLine($"run-many-inputs: {run.Outcomes.Count} outcomes for {run.Inputs.Count} inputs; in input order: {inOrder}; every result equals its input: {echoed}");

        var list = await ListWithFiltersExample.RunAsync(client, project, cancellationToken);
        output.WriteLine($"list-with-filters: made {list.RequestIds.Count} failed requests; first page {list.FirstPage.Count}, all pages {list.All.Count}");

        var cancel = await CancelExample.RunAsync(client, project, cancellationToken);
        output.WriteLine($"cancel: {string.Join(", ", cancel.Final)}; gone after delete: {cancel.GoneAfterDelete} of {cancel.Final.Count}");

        var errors = await ErrorHandlingExample.RunAsync(client, project, cancellationToken);
        output.WriteLine($"error-handling: API answered {errors.StatusCode} '{errors.Error}'; the fail deployment's request {errors.FailedStatus}: '{errors.FailedMessage}'");

        var fromOptions = await DependencyInjectionExample.RunAsync(token, baseUrl, project, cancellationToken);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["UbiOps:Token"] = token, ["UbiOps:BaseUrl"] = baseUrl })
            .Build();
        var fromConfiguration = await DependencyInjectionExample.FromConfigurationAsync(configuration, project, cancellationToken);
        output.WriteLine($"dependency-injection: {fromOptions} and {fromConfiguration}");
    }
}
