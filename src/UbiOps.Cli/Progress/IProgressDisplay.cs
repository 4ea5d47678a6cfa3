using UbiOps.Cli.Run;

namespace UbiOps.Cli.Progress;

/// <summary>Shows a run's progress on stderr while the run executes.</summary>
internal interface IProgressDisplay
{
    /// <summary>Runs <paramref name="body"/>, showing what its observer hears.</summary>
    /// <param name="total">Inputs still to do, when known (not for stdin).</param>
    /// <param name="body">The run.</param>
    Task RunAsync(long? total, Func<IRunObserver, Task> body);
}

/// <summary>Picks the display: a live bar on a terminal, plain lines when stderr is redirected.</summary>
internal static class ProgressDisplay
{
    public static IProgressDisplay For(CliEnvironment environment, bool quiet) =>
        quiet ? new PlainProgressDisplay(environment.Error, TimeSpan.MaxValue)
        : environment.ErrorIsTerminal ? new SpectreProgressDisplay(environment.Error)
        : new PlainProgressDisplay(environment.Error, TimeSpan.FromSeconds(2));
}
