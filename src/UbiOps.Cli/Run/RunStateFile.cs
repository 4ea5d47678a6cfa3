using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Cli.Errors;

namespace UbiOps.Cli.Run;

/// <summary>
/// The run's memory of what the server accepted: <c>&lt;output&gt;.state</c>, JSON lines of
/// <c>{"index", "request_id"}</c>, appended and flushed right after each batch call is accepted,
/// before waiting for its results. A restarted run collects these ids instead of submitting the
/// inputs again.
/// </summary>
/// <remarks>
/// One window remains: a kill after the server accepted a batch but before its state line reached
/// the file (microseconds) leaves those inputs unrecorded, and a restart submits them once more.
/// The first line names the target, so a state file is never applied to another deployment.
/// </remarks>
internal sealed class RunStateFile : IAsyncDisposable
{
    private readonly StreamWriter _writer;

    private RunStateFile(StreamWriter writer, IReadOnlyDictionary<long, string> recorded)
    {
        _writer = writer;
        Recorded = recorded;
    }

    public static string PathFor(string outputPath) => outputPath + ".state";

    /// <summary>Request ids of inputs at or after the resume point, recorded by an earlier run.</summary>
    public IReadOnlyDictionary<long, string> Recorded { get; }

    /// <summary>
    /// Loads the recorded ids of inputs from <paramref name="firstPendingIndex"/> on, then rewrites the
    /// file with only those (so it stays as small as the in-flight window), ready to append.
    /// </summary>
    public static async Task<RunStateFile> OpenAsync(string path, string target, long firstPendingIndex, CancellationToken cancellationToken)
    {
        var recorded = File.Exists(path)
            ? await LoadAsync(path, target, firstPendingIndex, cancellationToken)
            : new Dictionary<long, string>();

        var temporary = path + ".tmp";
        await using (var rewrite = CreateWriter(temporary, FileMode.Create))
        {
            await rewrite.WriteLineAsync(new JObject { ["target"] = target }.ToString(Formatting.None));
            foreach (var (index, id) in recorded.OrderBy(p => p.Key))
            {
                await rewrite.WriteLineAsync(Entry(index, id));
            }
        }

        File.Move(temporary, path, overwrite: true);
        return new RunStateFile(CreateWriter(path, FileMode.Append), recorded);
    }

    /// <summary>Records accepted requests and pushes them to the operating system at once.</summary>
    public async Task AppendAsync(IReadOnlyList<(long Index, string RequestId)> accepted)
    {
        foreach (var (index, id) in accepted)
        {
            await _writer.WriteLineAsync(Entry(index, id));
        }

        await _writer.FlushAsync();
    }

    public async ValueTask DisposeAsync() => await _writer.DisposeAsync();

    private static async Task<Dictionary<long, string>> LoadAsync(string path, string target, long firstPendingIndex, CancellationToken cancellationToken)
    {
        var recorded = new Dictionary<long, string>();
        using var reader = new StreamReader(path);
        var header = await reader.ReadLineAsync(cancellationToken);
        if (header is not null && TryParse(header) is JObject json && json.Value<string>("target") is { } written && written != target)
        {
            throw new CliUsageException(
                $"'{path}' records a run against {written}, not {target}; use another --output or pass --restart.");
        }

        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            // A line torn by a kill is skipped: its batch was accepted, but nothing proves which ids.
            if (TryParse(line) is JObject entry &&
                entry["index"] is JValue { Type: JTokenType.Integer } index &&
                entry.Value<string>("request_id") is { Length: > 0 } id &&
                index.Value<long>() >= firstPendingIndex)
            {
                recorded[index.Value<long>()] = id;
            }
        }

        return recorded;
    }

    private static JToken? TryParse(string line)
    {
        try
        {
            return JToken.Parse(line);
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private static string Entry(long index, string id) =>
        new JObject { ["index"] = index, ["request_id"] = id }.ToString(Formatting.None);

    private static StreamWriter CreateWriter(string path, FileMode mode) =>
        new(new FileStream(path, mode, FileAccess.Write, FileShare.Read), new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
}
