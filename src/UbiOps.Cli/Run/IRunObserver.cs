using UbiOps.Client;

namespace UbiOps.Cli.Run;

/// <summary>Hears how a run advances (for progress display).</summary>
internal interface IRunObserver
{
    /// <summary>The engine's counts changed (submitted, finished, a wait for the rate limit).</summary>
    void Progress(RunProgress progress);

    /// <summary>A line was written to the output.</summary>
    void Written(ResultLine line);

    /// <summary>A malformed input: reported at once on stderr.</summary>
    void Malformed(string error);
}

/// <summary>Passes the engine's progress reports on synchronously (Progress&lt;T&gt; would post them later).</summary>
internal sealed class ObserverProgress(IRunObserver observer) : IProgress<RunProgress>
{
    public void Report(RunProgress value) => observer.Progress(value);
}
