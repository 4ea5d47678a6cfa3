using System.CommandLine;
using UbiOps.Cli.Connection;
using UbiOps.Cli.Errors;

namespace UbiOps.Cli.Commands;

/// <summary><c>emulator reset</c>: deletes the embedded emulator's database that the commands other than <c>run</c> share.</summary>
internal static class EmulatorCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var reset = new Command("reset",
            "Delete the embedded emulator's database (every request made without --host/--token by the commands other than " +
            $"'run'); the next command starts with an empty one. Its path: ${EmulatorDatabase.PathVariable}, else " +
            "$XDG_DATA_HOME/ubiops-requests/emulator.db or ~/.local/share/ubiops-requests/emulator.db.");
        reset.SetAction(_ =>
        {
            var path = EmulatorDatabase.SharedPath(environment);
            try
            {
                var deleted = Emulator.UbiOpsEmulator.DeleteDatabase(path);
                environment.Out.WriteLine(deleted
                    ? $"Deleted the embedded emulator's database at {path}."
                    : $"No embedded emulator database at {path}: nothing to delete.");
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return FailureReport.Write(e, environment.Error, host: null, cancelled: false);
            }
        });

        var command = new Command("emulator",
            "The embedded emulator (used without --host/--token): the commands other than 'run' keep its requests in one " +
            "database, so create, get, list, cancel and delete work one after another.");
        command.Subcommands.Add(reset);
        return command;
    }
}
