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
        SetPrepared(command, target, environment, _ => body, emulatorDatabase);

    /// <summary>
    /// Like <see cref="Set"/>, with a first step that reads and checks the command's own options
    /// and returns the body: it runs before anything starts (the embedded emulator) or connects,
    /// so a bad option costs nothing and is reported as a usage error.
    /// </summary>
    public static void SetPrepared(
        Command command, TargetOptions target, CliEnvironment environment, Func<ParseResult, Func<CommandContext, Task<int>>> prepare,
        Func<ParseResult, string?>? emulatorDatabase = null) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, target, environment, prepare, emulatorDatabase, cancellationToken));

    private static async Task<int> RunAsync(
        ParseResult parse, TargetOptions targetOptions, CliEnvironment environment,
        Func<ParseResult, Func<CommandContext, Task<int>>> prepare, Func<ParseResult, string?>? emulatorDatabase, CancellationToken cancellationToken)
    {
        string? host = null;
        string? database = null;
        try
        {
            var body = prepare(parse);
            await using var target = await TargetResolver.ResolveAsync(
                parse, targetOptions, environment, emulatorDatabase?.Invoke(parse), cancellationToken);
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
