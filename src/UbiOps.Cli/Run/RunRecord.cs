using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Client;

namespace UbiOps.Cli.Run;

/// <summary>
/// What the state file of an earlier run says, read back: its target, the fingerprints of the
/// inputs the output's lines belong to, the requests accepted after those (and the last ones
/// before), the batches it was sending when it stopped, and whether it finished.
/// </summary>
internal sealed record RunRecord(
    string? Target,
    IReadOnlyList<ulong> Written,
    long Failed,
    IReadOnlyDictionary<long, (string Id, string Fingerprint)> Accepted,
    (long Results, long Failed)? Finished)
{
    /// <summary>
    /// Requests accepted for inputs that already have their line, up to <see cref="RunJournal.NeighborSpan"/>
    /// before the first that has none: the batches an open intent's time window can overlap, never
    /// to be taken for the intent's.
    /// </summary>
    public IReadOnlyDictionary<long, (string Id, string Fingerprint)> Neighbors { get; init; } = new Dictionary<long, (string, string)>();

    /// <summary>Inputs of batches that were being sent when the run stopped (no acceptance recorded), with their fingerprints.</summary>
    public IReadOnlyDictionary<long, (BatchIntent Intent, string Fingerprint)> Intents { get; init; } = new Dictionary<long, (BatchIntent, string)>();

    /// <summary>Whether the earlier run made anything on the server or wrote any result.</summary>
    public bool HasWork => Written.Count > 0 || Accepted.Count > 0 || Intents.Count > 0 || Finished is not null;

    /// <summary>
    /// Reads a state file, in two passes so memory holds only what is needed (fingerprints as
    /// numbers, and the accepted requests without a result line yet); a line torn by a kill, or any
    /// line not understood, is ignored.
    /// </summary>
    /// <param name="path">The state file.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <param name="keepLines">
    /// When set, only the output's first this many lines are kept, with <paramref name="failedInKept"/>
    /// of them failed: the lines from there on are written again (the run is not finished).
    /// </param>
    /// <param name="failedInKept">How many of the kept lines are not completed.</param>
    public static async Task<RunRecord?> ReadAsync(string path, CancellationToken cancellationToken, long? keepLines = null, long failedInKept = 0)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string? target = null;
        var written = new List<ulong>();
        long failed = 0;
        (long, long)? finished = null;
        await foreach (var entry in EntriesAsync(path, cancellationToken))
        {
            if (entry.Value<string>("target") is { } t)
            {
                target ??= t;
            }
            else if (entry["written"] is JArray { Count: 2 } range && range[0] is JValue first && range[1] is JArray fingerprints &&
                     first.Value<long>() == written.Count)
            {
                written.AddRange(fingerprints.Values<string>().Select(f => Convert.ToUInt64(f, 16)));
                failed += entry.Value<long?>("failed") ?? 0;
            }
            else if (entry["finished"] is JObject done)
            {
                finished = (done.Value<long>("results"), done.Value<long>("failed"));
            }
        }

        if (keepLines is { } keep && keep < written.Count)
        {
            written.RemoveRange((int)keep, written.Count - (int)keep);
            failed = failedInKept;
            finished = null;
        }

        // Requests whose results are in the output need no waiting for; an intent is open until
        // its inputs' acceptance (or a later intent) follows it.
        var accepted = new Dictionary<long, (string, string)>();
        var neighbors = new Dictionary<long, (string, string)>();
        var intents = new Dictionary<long, (BatchIntent, string)>();
        await foreach (var entry in EntriesAsync(path, cancellationToken))
        {
            foreach (var request in (entry["accepted"] as JArray)?.OfType<JArray>() ?? [])
            {
                if (request.Count == 3 && request[0].Value<long>() is var index && index >= written.Count - RunJournal.NeighborSpan)
                {
                    (index >= written.Count ? accepted : neighbors)[index] = (request[1].Value<string>()!, request[2].Value<string>()!);
                    intents.Remove(index);
                }
            }

            foreach (var refused in (entry["refused"] as JArray)?.OfType<JValue>() ?? [])
            {
                intents.Remove(refused.Value<long>());
            }

            if (entry["sending"] is JArray sending && entry.Value<string>("at") is { } at &&
                DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var sentAt))
            {
                var inputs = sending.OfType<JArray>().Where(i => i.Count == 2).Select(i => (Index: i[0].Value<long>(), Fingerprint: i[1].Value<string>()!)).ToArray();
                var intent = new BatchIntent(inputs.Select(i => i.Index).ToArray(), sentAt);
                foreach (var (index, fingerprint) in inputs.Where(i => i.Index >= written.Count))
                {
                    intents[index] = (intent, fingerprint);
                }
            }
        }

        return new RunRecord(target, written, failed, accepted, finished) { Neighbors = neighbors, Intents = intents };
    }

    private static async IAsyncEnumerable<JObject> EntriesAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (Parse(line) is JObject entry)
            {
                yield return entry;
            }
        }
    }

    private static JToken? Parse(string line)
    {
        try
        {
            // Times stay the text they were written as (Json.NET would turn them into dates, and lose precision).
            using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }
}
