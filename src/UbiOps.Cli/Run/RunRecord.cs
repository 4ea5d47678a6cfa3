using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Cli.Run;

/// <summary>
/// What the state file of an earlier run says, read back: its target, the fingerprints of the
/// inputs the output's lines belong to, the requests accepted after those, and whether it finished.
/// </summary>
internal sealed record RunRecord(
    string? Target,
    IReadOnlyList<ulong> Written,
    long Failed,
    IReadOnlyDictionary<long, (string Id, string Fingerprint)> Accepted,
    (long Results, long Failed)? Finished)
{
    /// <summary>Whether the earlier run made anything on the server or wrote any result.</summary>
    public bool HasWork => Written.Count > 0 || Accepted.Count > 0 || Finished is not null;

    /// <summary>
    /// Reads a state file, in two passes so memory holds only what is needed (fingerprints as
    /// numbers, and the accepted requests without a result line yet); a line torn by a kill, or any
    /// line not understood, is ignored.
    /// </summary>
    public static async Task<RunRecord?> ReadAsync(string path, CancellationToken cancellationToken)
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

        // Requests whose results are in the output need no waiting for.
        var accepted = new Dictionary<long, (string, string)>();
        await foreach (var entry in EntriesAsync(path, cancellationToken))
        {
            foreach (var request in (entry["accepted"] as JArray)?.OfType<JArray>() ?? [])
            {
                if (request.Count == 3 && request[0].Value<long>() is var index && index >= written.Count)
                {
                    accepted[index] = (request[1].Value<string>()!, request[2].Value<string>()!);
                }
            }
        }

        return new RunRecord(target, written, failed, accepted, finished);
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
            return JToken.Parse(line);
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }
}
