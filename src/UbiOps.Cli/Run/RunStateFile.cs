using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Cli.Run;

/// <summary>
/// A run's memory, <c>&lt;output&gt;.state</c>: JSON lines, appended and flushed as the run goes.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>{"target": "…"}</c> first: the host, project, deployment and version the run sends to.</item>
/// <item><c>{"sending": [[index, "fingerprint"], …], "at": "time"}</c> just before a batch call is sent:
/// a run killed while the call was in flight (or before its acceptance reached this file) has this
/// open intent, and the resumed run looks the batch up on the server instead of sending it again.</item>
/// <item><c>{"refused": [index, …]}</c> when the server refused a batch call outright (a 4xx): it
/// made nothing, and its intent is void.</item>
/// <item><c>{"accepted": [[index, "request id", "fingerprint"], …]}</c> as soon as the server accepts a
/// batch, before any of its requests is polled: a resumed run waits for these, never submits them again.</item>
/// <item><c>{"written": [first index, ["fingerprint", …]], "failed": n}</c> after result lines reach the
/// output: which inputs (by fingerprint) the output's lines belong to.</item>
/// <item><c>{"finished": {"results": n, "failed": f}}</c> when every input has its line.</item>
/// </list>
/// It is created with the first thing worth remembering, so a run that fails before the server
/// accepted anything leaves no state behind. A line torn by a kill is ignored.
/// </remarks>
internal sealed class RunStateFile : IAsyncDisposable
{
    private readonly string _path;
    private readonly string _target;
    // Accepted batches (from the engine's submitter) and written lines (from the writer) arrive at once.
    private readonly SemaphoreSlim _appending = new(1, 1);
    private StreamWriter? _writer;

    private RunStateFile(string path, string target, StreamWriter? writer)
    {
        _path = path;
        _target = target;
        _writer = writer;
    }

    public static string PathFor(string outputPath) => outputPath + ".state";

    /// <summary>A state file for a new run: nothing is written until the first append.</summary>
    public static RunStateFile CreateLazily(string path, string target) => new(path, target, writer: null);

    /// <summary>
    /// Rewrites the state of a resumed run compactly (what the output's lines belong to, the
    /// accepted requests that have no line yet and those just before, and the open intents), then
    /// appends to it.
    /// </summary>
    public static async Task<RunStateFile> RewriteAsync(string path, string target, RunRecord earlier, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await using (var rewrite = CreateWriter(temporary, FileMode.Create))
        {
            await rewrite.WriteLineAsync(Header(target).AsMemory(), cancellationToken);
            if (earlier.Written.Count > 0)
            {
                await rewrite.WriteLineAsync(Written(0, earlier.Written.Select(InputFingerprintText), earlier.Failed).AsMemory(), cancellationToken);
            }

            var accepted = earlier.Neighbors.Concat(earlier.Accepted).OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Id, p.Value.Fingerprint)).ToArray();
            if (accepted.Length > 0)
            {
                await rewrite.WriteLineAsync(Accepted(accepted).AsMemory(), cancellationToken);
            }

            foreach (var intent in earlier.Intents.GroupBy(p => p.Value.Intent, p => (p.Key, p.Value.Fingerprint)))
            {
                await rewrite.WriteLineAsync(Sending(intent.OrderBy(i => i.Key), intent.Key.SentAt).AsMemory(), cancellationToken);
            }
        }

        File.Move(temporary, path, overwrite: true);
        return new RunStateFile(path, target, CreateWriter(path, FileMode.Append));
    }

    /// <summary>Records a batch about to be sent (its inputs and when), and pushes it to the operating system at once.</summary>
    public Task AppendSendingAsync(IEnumerable<(long Index, string Fingerprint)> inputs, DateTimeOffset sentAt) =>
        AppendAsync(Sending(inputs, sentAt));

    /// <summary>Records that the server refused a batch outright (it made nothing): its intent is void.</summary>
    public Task AppendRefusedAsync(IEnumerable<long> indices) =>
        AppendAsync(new JObject { ["refused"] = new JArray(indices) }.ToString(Formatting.None));

    /// <summary>Records a batch the server accepted, and pushes it to the operating system at once.</summary>
    public Task AppendAcceptedAsync(IEnumerable<(long Index, string Id, string Fingerprint)> requests) =>
        AppendAsync(Accepted(requests));

    /// <summary>Records which inputs the output's new lines (from <paramref name="firstIndex"/> on) belong to.</summary>
    public Task AppendWrittenAsync(long firstIndex, IReadOnlyList<string> fingerprints, long failed) =>
        fingerprints.Count == 0 ? Task.CompletedTask : AppendAsync(Written(firstIndex, fingerprints, failed));

    /// <summary>Records that every input has its result line.</summary>
    public Task AppendFinishedAsync(long results, long failed) =>
        AppendAsync(new JObject { ["finished"] = new JObject { ["results"] = results, ["failed"] = failed } }.ToString(Formatting.None));

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        _appending.Dispose();
    }

    private async Task AppendAsync(string line)
    {
        await _appending.WaitAsync();
        try
        {
            if (_writer is null)
            {
                _writer = CreateWriter(_path, FileMode.Create);
                await _writer.WriteLineAsync(Header(_target));
            }

            await _writer.WriteLineAsync(line);
            // To the operating system, not the disk: what a kill of this process must not lose.
            await _writer.FlushAsync();
        }
        finally
        {
            _appending.Release();
        }
    }

    private static string InputFingerprintText(ulong fingerprint) => fingerprint.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Header(string target) => new JObject { ["target"] = target }.ToString(Formatting.None);

    private static string Accepted(IEnumerable<(long Index, string Id, string Fingerprint)> requests) =>
        new JObject { ["accepted"] = new JArray(requests.Select(r => new JArray(r.Index, r.Id, r.Fingerprint))) }.ToString(Formatting.None);

    private static string Sending(IEnumerable<(long Index, string Fingerprint)> inputs, DateTimeOffset sentAt) =>
        new JObject
        {
            ["sending"] = new JArray(inputs.Select(i => new JArray(i.Index, i.Fingerprint))),
            ["at"] = sentAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }.ToString(Formatting.None);

    private static string Written(long firstIndex, IEnumerable<string> fingerprints, long failed) =>
        new JObject { ["written"] = new JArray(firstIndex, new JArray(fingerprints)), ["failed"] = failed }.ToString(Formatting.None);

    private static StreamWriter CreateWriter(string path, FileMode mode) =>
        new(new FileStream(path, mode, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16), new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
}
