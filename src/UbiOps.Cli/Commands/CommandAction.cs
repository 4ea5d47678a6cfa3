using System.CommandLine;
using UbiOps.Cli.Connection;
using UbiOps.Cli.Errors;

namespace UbiOps.Cli.Commands;

/// <summary>
/// Runs a command body against its target, and turns any failure into one stderr line and an
/// exit code.
/// </summary>
internal static class CommandAction
{
    // emulatorDatabase: where an embedded emulator keeps its requests; when null, the database that
    // the commands other than run share (EmulatorDatabase.SharedPath).
    public static void Set(
        Command command, TargetOptions target, CliEnvironment environment, Func<CommandContext, Task<int>> body,
        Func<ParseResult, string?>? emulatorDatabase = null) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, target, environment, body, emulatorDatabase, cancellationToken));

    private static async Task<int> RunAsync(
        ParseResult parse, TargetOptions targetOptions, CliEnvironment environment,
        Func<CommandContext, Task<int>> body, Func<ParseResult, string?>? emulatorDatabase, CancellationToken cancellationToken)
    {
        string? host = null;
        string? database = null;
        try
        {
            await using var target = await TargetResolver.ResolveAsync(
                parse, targetOptions, environment, emulatorDatabase?.Invoke(parse), cancellationToken, sharedDatabase: emulatorDatabase is null);
            host = target.BaseUrl;
            database = target.EmulatorDatabasePath;
            return await body(new CommandContext(parse, environment, target, cancellationToken));
        }
        catch (Exception e)
        {
            return FailureReport.Write(e, environment.Error, host, cancellationToken.IsCancellationRequested, database);
        }
    }
}
