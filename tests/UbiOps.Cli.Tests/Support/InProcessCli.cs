using UbiOps.Cli.Connection;

namespace UbiOps.Cli.Tests.Support;

/// <summary>
/// Runs the CLI's command tree in-process, with its own streams and no environment variables but
/// these. The embedded emulator's shared database is a scratch one, deleted afterwards, unless the
/// test names one (<see cref="EmulatorDatabase.PathVariable"/>): never the user's own.
/// </summary>
internal static class InProcessCli
{
    public static async Task<CliResult> RunAsync(
        string[] args, string? stdin = null, IReadOnlyDictionary<string, string>? variables = null,
        string? workingDirectory = null, CancellationToken cancellationToken = default, TimeSpan? emulatorLockTimeout = null)
    {
        string? scratch = null;
        if (variables is null || !variables.ContainsKey(EmulatorDatabase.PathVariable))
        {
            scratch = Directory.CreateTempSubdirectory("ubiops-cli-emulator-").FullName;
            variables = new Dictionary<string, string>(variables ?? new Dictionary<string, string>())
            {
                [EmulatorDatabase.PathVariable] = Path.Combine(scratch, "emulator.db"),
            };
        }

        try
        {
            return await InvokeAsync(args, stdin, variables, workingDirectory, emulatorLockTimeout, cancellationToken);
        }
        finally
        {
            if (scratch is not null)
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static async Task<CliResult> InvokeAsync(
        string[] args, string? stdin, IReadOnlyDictionary<string, string> variables, string? workingDirectory,
        TimeSpan? emulatorLockTimeout, CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var error = new SynchronizedStringWriter();
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            OpenStdin = () => new StringReader(stdin ?? string.Empty),
            GetVariable = name => variables.TryGetValue(name, out var value) ? value : null,
            ErrorIsTerminal = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            EmulatorLockTimeout = emulatorLockTimeout ?? TimeSpan.FromSeconds(30),
        };

        var exitCode = await CliApplication.InvokeAsync(args, environment, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>stderr is written from the run's background tasks too.</summary>
    private sealed class SynchronizedStringWriter : StringWriter
    {
        private readonly Lock _lock = new();

        public override void Write(char value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_lock)
            {
                base.WriteLine(value);
            }
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return base.ToString();
            }
        }
    }
}
