namespace UbiOps.Cli.Run;

/// <summary>Hears how a run advances (for progress display).</summary>
internal interface IRunObserver
{
    /// <summary>A batch of this many inputs was accepted by the server.</summary>
    void Submitted(int count);

    /// <summary>A line was written to the output.</summary>
    void Written(ResultLine line);

    /// <summary>A malformed input: reported at once on stderr.</summary>
    void Malformed(string error);
}
