namespace UbiOps.Cli;

/// <summary>
/// What a command may touch outside itself: its streams, the environment variables and whether
/// stderr is a terminal. Tests pass their own to run commands in-process.
/// </summary>
internal sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Opens standard input (used for <c>--input -</c>).</summary>
    public Func<TextReader> OpenStdin { get; init; } = () => Console.In;

    /// <summary>Reads an environment variable; <see langword="null"/> when unset.</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Whether stderr is an interactive terminal (then progress is a live bar).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>How long a command waits for another one to stop using the embedded emulator's database.</summary>
    public TimeSpan EmulatorLockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The zone tables show times in.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;

    /// <summary>The working directory relative paths resolve against.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The environment of the real process.</summary>
    public static CliEnvironment FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };

    public string? Variable(string name) =>
        GetVariable(name) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
