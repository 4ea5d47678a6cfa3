using System.CommandLine;
using UbiOps.Cli.Commands;
using UbiOps.Cli.Errors;
using UbiOps.Client;
using UbiOps.Emulator;

namespace UbiOps.Cli.Connection;

/// <summary>
/// Turns the target options (or UBIOPS_API_HOST / UBIOPS_API_TOKEN / UBIOPS_PROJECT) into a
/// connected deployment scope; with neither host nor token, starts the embedded emulator.
/// </summary>
internal static class TargetResolver
{
    // emulatorDatabase: where an embedded emulator keeps a run's requests (so a resumed run finds
    // them); null for the database that the commands share.
    public static async Task<CliTarget> ResolveAsync(
        ParseResult parse, TargetOptions options, CliEnvironment environment, string? emulatorDatabase, CancellationToken cancellationToken)
    {
        var host = parse.GetValue(options.Host) ?? environment.Variable(UbiOpsClientOptions.HostEnvironmentVariable);
        var token = TokenSource.Read(parse, options, environment) ?? environment.Variable(UbiOpsClientOptions.TokenEnvironmentVariable);
        var project = parse.GetValue(options.Project) ?? environment.Variable(TargetOptions.ProjectVariable);
        var deployment = parse.GetRequiredValue(options.Deployment);
        var version = parse.GetValue(options.Version);

        UbiOpsEmulator? emulator = null;
        if (host is null && token is null)
        {
            emulator = await EmbeddedEmulator.StartAsync(emulatorDatabase ?? EmulatorDatabase.SharedPath(environment), environment, cancellationToken);
            host = emulator.BaseUrl;
            token = emulator.Token;
            project ??= emulator.Project;
            environment.Error.WriteLine(
                $"No --host/--token (or {UbiOpsClientOptions.HostEnvironmentVariable}/{UbiOpsClientOptions.TokenEnvironmentVariable}): " +
                $"using the embedded emulator at {host} (project '{project}')" +
                (emulatorDatabase is null
                    ? $", its requests kept in {emulator.DatabasePath} ('ubiops-requests emulator reset' deletes them)."
                    : $", this run's requests kept in {emulator.DatabasePath} until it finishes."));
        }

        try
        {
            if (token is null)
            {
                throw new CliUsageException(
                    $"No API token for {host}: set {UbiOpsClientOptions.TokenEnvironmentVariable}, or pass --token-file or --token.");
            }

            if (project is null)
            {
                throw new CliUsageException($"No project: pass --project or set {TargetOptions.ProjectVariable}.");
            }

            var clientOptions = new UbiOpsClientOptions { Token = token, SourceAddress = parse.GetValue(options.SourceAddress) };
            clientOptions.Resilience.MaxRetryAttempts = parse.GetValue(options.Retries);
            if (parse.GetValue(options.CallTimeout) is { } seconds)
            {
                clientOptions.Resilience.AttemptTimeout = TimeSpan.FromSeconds(seconds);
                clientOptions.Resilience.BatchCreateTimeout = TimeSpan.FromSeconds(seconds);
            }

            // The token's own problems (a character no HTTP header can carry, say) are usage errors, now.
            clientOptions.Validate();
            if (host is not null)
            {
                clientOptions.BaseUrl = host;
            }

            var client = ClientFactory.Create(clientOptions);
            var scope = client.Deployment(project, deployment);
            if (version is not null)
            {
                scope = scope.Version(version);
            }

            return new CliTarget(scope, client.BaseUrl, emulator, emulator?.DatabasePath);
        }
        catch
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }

            throw;
        }
    }
}
