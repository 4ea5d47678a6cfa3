using System.CommandLine;
using UbiOps.Cli.Connection;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary>What a command's body works with: its parsed options, streams and connected deployment.</summary>
internal sealed record CommandContext(ParseResult Parse, CliEnvironment Environment, CliTarget Target, CancellationToken Cancellation)
{
    public DeploymentScope Scope => Target.Scope;

    public TextWriter Out => Environment.Out;

    public TextWriter Error => Environment.Error;
}
