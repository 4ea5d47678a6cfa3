using System.Runtime.CompilerServices;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Inputs;
using UbiOps.Client;

namespace UbiOps.Cli.Run;

/// <summary>
/// Turns the input file's records into the engine's items, and remembers, for each item in flight,
/// its line and fingerprint (for its result line and the state). A resumed run checks that every
/// input already answered, or already submitted, is the same as before; the first that is not
/// stops the run with one error naming its line.
/// </summary>
internal sealed class RunInputs(RunRecord? earlier, IRunObserver observer, string outputPath)
{
    private readonly Dictionary<long, (long LineNumber, long InputIndex, string Fingerprint, string? Unreadable)> _inFlight = [];
    private readonly object _gate = new();

    public async IAsyncEnumerable<RunItem> ItemsAsync(IAsyncEnumerable<InputRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var written = earlier?.Written ?? [];
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            if (record.Index < written.Count)
            {
                // Already in the output: it must be the input that result was for.
                if (Convert.ToUInt64(record.Fingerprint, 16) != written[(int)record.Index])
                {
                    throw Mismatch(record, $"is not the input whose result is line {record.Index + 1} of {Path.GetFileName(outputPath)}");
                }

                continue;
            }

            lock (_gate)
            {
                _inFlight[record.Index] = (record.LineNumber, record.InputIndex ?? record.Index, record.Fingerprint, record.Error);
            }

            if (record.IsMalformed)
            {
                observer.Malformed(record.Error!);
                yield return RunItem.Invalid(record.Index, record.Error!);
            }
            else if (earlier?.Accepted.TryGetValue(record.Index, out var request) == true)
            {
                if (request.Fingerprint != record.Fingerprint)
                {
                    throw Mismatch(record, $"is not the input that request {request.Id} was made for");
                }

                yield return RunItem.Known(record.Index, request.Id);
            }
            else
            {
                if (earlier?.Intents.TryGetValue(record.Index, out var intent) == true && intent.Fingerprint != record.Fingerprint)
                {
                    throw Mismatch(record, "is not the input that was being sent when the run stopped");
                }

                yield return RunItem.Submit(record.Index, RequestInput.FromParsed(record.Data!));
            }
        }
    }

    /// <summary>The fingerprint of an input in flight (for the state file).</summary>
    public string FingerprintOf(long index)
    {
        lock (_gate)
        {
            return _inFlight[index].Fingerprint;
        }
    }

    /// <summary>The result line of an outcome; its input leaves the in-flight set.</summary>
    public (ResultLine Line, string Fingerprint) Complete(RequestOutcome outcome)
    {
        lock (_gate)
        {
            _inFlight.Remove(outcome.Index, out var record);
            // A shard's line carries the input's index among all inputs, so merged shards read as one run.
            return (ResultLine.From(outcome, record.LineNumber, record.Unreadable) with { Index = record.InputIndex }, record.Fingerprint);
        }
    }

    private CliUsageException Mismatch(InputRecord record, string what) => new(
        $"input line {record.LineNumber} {what}: the input file (or its order) changed since {Path.GetFileName(outputPath)} was started. " +
        "Restore it, or pass --restart to run every input again.");
}
