using UbiOps.Client;

namespace UbiOps.Samples;

/// <summary>
/// Running a stream of inputs (a file read line by line) with a journal, so that a run that stops
/// can be run again without submitting any input twice.
/// </summary>
public static class RunStreamExample
{
    /// <summary>
    /// Runs the JSON lines of <paramref name="inputFile"/> through <c>echo</c>, recording accepted
    /// batches in <paramref name="journalFile"/>; stops after <paramref name="stopAfter"/> outcomes
    /// when given (as a crash or Ctrl+C would). Running it again finishes the rest.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="project">The project that holds the deployment.</param>
    /// <param name="inputFile">A file with one JSON object per line.</param>
    /// <param name="journalFile">Where accepted batches are recorded: keep it until the run is done.</param>
    /// <param name="stopAfter">Stop after this many outcomes; <see langword="null"/> to run to the end.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The outcomes this call saw, in input order.</returns>
    public static async Task<IReadOnlyList<RequestOutcome>> RunAsync(
        UbiOpsClient client, string project, string inputFile, string journalFile, int? stopAfter = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<RequestOutcome>();
        // <readme:run-stream>
        var inputs = File.ReadLinesAsync(inputFile, cancellationToken).Select(RequestInput.FromJson);
        var options = new RunOptions { Journal = new FileJournal(journalFile) };

        await foreach (var outcome in client.Deployment(project, "echo").RunAsync(inputs, options, cancellationToken))
        {
            outcomes.Add(outcome); // or write it out; memory stays flat on any number of lines
            if (outcomes.Count == stopAfter)
            {
                break; // stopped early: the next run waits for what was submitted, and submits the rest
            }
        }
        // </readme:run-stream>

        return outcomes;
    }
}

// <readme:file-journal>
/// <summary>A journal in a text file: one "index request-id" line per input the server accepted.</summary>
public sealed class FileJournal(string path) : RunJournal
{
    private readonly Dictionary<long, string> _accepted = File.Exists(path)
        ? File.ReadLines(path).Select(l => l.Split(' ')).Where(p => p.Length == 2).ToDictionary(p => long.Parse(p[0]), p => p[1])
        : [];

    /// <inheritdoc />
    public override string? FindRequest(long index) => _accepted.GetValueOrDefault(index);

    /// <inheritdoc />
    public override async ValueTask BatchAcceptedAsync(AcceptedBatch batch) =>
        await File.AppendAllLinesAsync(path, batch.Requests.Select(r => $"{r.Index} {r.RequestId}"));
}
// </readme:file-journal>
