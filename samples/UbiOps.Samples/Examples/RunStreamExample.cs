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
/// <summary>
/// A journal in a text file: a "sending" line before each batch call (when, and which inputs), and
/// an "index request-id" line per input the server accepted. A line cut short by a kill is skipped.
/// </summary>
public sealed class FileJournal : RunJournal
{
    private readonly string _path;
    private readonly Dictionary<long, string> _accepted = [];
    private readonly Dictionary<long, BatchIntent> _sending = [];

    /// <summary>Reads what earlier runs recorded in <paramref name="path"/>, if it exists.</summary>
    /// <param name="path">The journal file.</param>
    public FileJournal(string path)
    {
        _path = path;
        // Whole lines only: what follows the last line break is a line a kill cut short.
        var lines = File.Exists(path) ? File.ReadAllText(path).Split('\n')[..^1] : [];
        foreach (var parts in lines.Select(l => l.Split(' ')))
        {
            if (parts is ["sending", var at, .. var indices] && long.TryParse(at, out var ms))
            {
                var intent = new BatchIntent([.. indices.Select(long.Parse)], DateTimeOffset.FromUnixTimeMilliseconds(ms));
                foreach (var index in intent.Indices)
                {
                    _sending[index] = intent;
                }
            }
            else if (parts is [var first, var id] && long.TryParse(first, out var index))
            {
                _accepted[index] = id;
                _sending.Remove(index);
            }
        }
    }

    /// <inheritdoc />
    public override string? FindRequest(long index) => _accepted.GetValueOrDefault(index);

    /// <inheritdoc />
    public override BatchIntent? FindIntent(long index) => _sending.GetValueOrDefault(index);

    /// <inheritdoc />
    public override async ValueTask BatchSendingAsync(BatchIntent intent) =>
        await File.AppendAllTextAsync(_path, $"sending {intent.SentAt.ToUnixTimeMilliseconds()} {string.Join(' ', intent.Indices)}\n");

    /// <inheritdoc />
    public override async ValueTask BatchAcceptedAsync(AcceptedBatch batch) =>
        await File.AppendAllLinesAsync(_path, batch.Requests.Select(r => $"{r.Index} {r.RequestId}"));
}
// </readme:file-journal>
