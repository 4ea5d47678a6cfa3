using System.Globalization;
using System.Runtime.CompilerServices;
using UbiOps.Cli.Inputs;

namespace UbiOps.Cli.Run;

/// <summary>
/// One share of a run's inputs (<c>--shard I/N</c>): the inputs whose index modulo
/// <see cref="Count"/> is <see cref="Index"/>. Decided by input index alone, so it is the same on
/// every rerun and every machine, with nothing to coordinate; each shard is an ordinary resumable run
/// with its own output, and <c>merge</c> joins the outputs.
/// </summary>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>Parses <c>I/N</c> (0 ≤ I &lt; N); the error names the option.</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) &&
            count >= 1 && index < count)
        {
            return new Shard(index, count);
        }

        throw new FormatException($"--shard must be I/N with 0 <= I < N (e.g. 0/4 for the first of four), not '{text}'");
    }

    /// <summary>Whether the input at this index (among all inputs, from 0) is this shard's.</summary>
    public bool Holds(long inputIndex) => inputIndex % Count == Index;

    /// <summary>How many of <paramref name="inputs"/> inputs are this shard's.</summary>
    public long ShareOf(long inputs) => inputs <= Index ? 0 : (inputs - Index - 1) / Count + 1;

    /// <summary>
    /// This shard's records, numbered from 0 within the shard (the run's positions), each keeping
    /// its index among all inputs for its result line.
    /// </summary>
    public async IAsyncEnumerable<InputRecord> Select(IAsyncEnumerable<InputRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long position = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            if (Holds(record.Index))
            {
                yield return record with { Index = position++, InputIndex = record.Index };
            }
        }
    }

    public override string ToString() => $"{Index}/{Count}";
}
