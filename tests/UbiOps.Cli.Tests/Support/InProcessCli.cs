namespace UbiOps.Cli.Tests.Support;

/// <summary>Runs the CLI's command tree in-process, with its own streams and no environment variables.</summary>
internal static class InProcessCli
{
    public static async Task<CliResult> RunAsync(
        string[] args, string? stdin = null, IReadOnlyDictionary<string, string>? variables = null,
        string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new SynchronizedStringWriter();
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            OpenStdin = () => new StringReader(stdin ?? string.Empty),
            GetVariable = name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
            ErrorIsTerminal = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
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
