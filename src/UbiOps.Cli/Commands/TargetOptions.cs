using System.CommandLine;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary>
/// The options every command shares: where the API is, which project, deployment and version.
/// </summary>
internal sealed class TargetOptions
{
    public const string ProjectVariable = "UBIOPS_PROJECT";

    public Option<string?> Host { get; } = new("--host")
    {
        Description = "API host or base URL, e.g. https://api.ubiops.com/v2.1 [env: UBIOPS_API_HOST]. " +
                      "Without --host and --token the embedded emulator is started.",
        HelpName = "url",
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "API token, with or without the 'Token ' prefix; '-' reads it from stdin. Prefer " +
                      "UBIOPS_API_TOKEN or --token-file: a token on the command line is visible to other users (ps).",
        HelpName = "token",
    };

    public Option<string?> TokenFile { get; } = new("--token-file")
    {
        Description = "A file whose first line is the API token (keep it readable by you only).",
        HelpName = "file",
    };

    public Option<string?> Project { get; } = new("--project", "-p")
    {
        Description = $"Project name [env: {ProjectVariable}; 'demo' on the embedded emulator].",
        HelpName = "name",
    };

    public Option<string> Deployment { get; } = new("--deployment", "-d")
    {
        Description = "Deployment name.",
        HelpName = "name",
        Required = true,
    };

    public Option<string?> Version { get; } = new("--version")
    {
        Description = "Deployment version; the deployment's default version when omitted.",
        HelpName = "name",
    };

    public Option<int> Retries { get; } = new("--retries")
    {
        Description = "Retries of a call that failed transiently (5xx, network), up to " +
                      $"{Defaults.MaxRetryAttemptsWhileServing} while the server answers other calls; 0 turns retries off. A 429 waits " +
                      "as the server asks and does not count. A create whose answer was lost is never sent again blindly: it is looked " +
                      "up on the server first.",
        HelpName = "n",
        DefaultValueFactory = _ => Defaults.MaxRetryAttempts,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<int>() is < 0 or > UbiOpsResilienceOptions.MaxRetryAttemptsLimit)
                {
                    result.AddError($"--retries must be between 0 and {UbiOpsResilienceOptions.MaxRetryAttemptsLimit}, not {result.GetValueOrDefault<int>()}");
                }
            },
        },
    };

    public Option<double?> CallTimeout { get; } = new("--call-timeout")
    {
        Description = "Seconds one API call may take before it is given up (a read is then retried, a batch create looked up " +
                      $"on the server); default {Defaults.AttemptTimeout.TotalSeconds} for reads, {Defaults.BatchCreateTimeout.TotalSeconds} for batch creates.",
        HelpName = "seconds",
        Validators =
        {
            result =>
            {
                var max = UbiOpsResilienceOptions.MaxCallTimeout.TotalSeconds;
                if (result.GetValueOrDefault<double?>() is { } seconds && !(seconds > 0 && seconds <= max))
                {
                    result.AddError($"--call-timeout must be more than 0 and at most {max} seconds, not {seconds}");
                }
            },
        },
    };

    public Option<string?> SourceAddress { get; } = new("--source-address")
    {
        Description = "Local IP address to connect from, on a host with several: the service counts its rate limit (300 calls a " +
                      "minute) per source address, so producers that each leave from their own address each get their own.",
        HelpName = "ip",
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<string?>() is { } text && !System.Net.IPAddress.TryParse(text, out _))
                {
                    result.AddError($"--source-address must be an IP address of this host (e.g. 10.0.0.7), not '{text}'");
                }
            },
        },
    };

    private static readonly UbiOpsResilienceOptions Defaults = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Deployment);
        command.Options.Add(Version);
        command.Options.Add(Project);
        command.Options.Add(Host);
        command.Options.Add(Token);
        command.Options.Add(TokenFile);
        command.Options.Add(Retries);
        command.Options.Add(CallTimeout);
        command.Options.Add(SourceAddress);
    }
}
