using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Cli.Errors;

namespace UbiOps.Cli.Run;

/// <summary>
/// Joins the outputs of a run's shards (<c>run --shard I/N</c>) into one file in input order, by
/// each line's <c>index</c>, streaming (each shard's output is in input order already), and names
/// the inputs no shard has a line for and those with more than one.
/// </summary>
internal static class ShardMerge
{
    /// <summary>What a merge found.</summary>
    /// <param name="Lines">Lines written.</param>
    /// <param name="Missing">Input indices without a line (ranges, first and last).</param>
    /// <param name="Doubled">Input indices with a line in more than one place, and where.</param>
    public sealed record Result(long Lines, IReadOnlyList<(long First, long Last)> Missing, IReadOnlyList<(long Index, string Where)> Doubled)
    {
        public long MissingCount => Missing.Sum(m => m.Last - m.First + 1);
    }

    /// <param name="shards">The shard outputs.</param>
    /// <param name="output">The merged file (written anew).</param>
    /// <param name="inputs">How many inputs the run has, when known: inputs after the last line are missing too.</param>
    /// <param name="cancellationToken">Stops the merge.</param>
    public static async Task<Result> MergeAsync(IReadOnlyList<string> shards, string output, long? inputs, CancellationToken cancellationToken)
    {
        var readers = shards.Select(path => new ShardReader(path)).ToList();
        try
        {
            var queue = new PriorityQueue<ShardReader, long>();
            foreach (var reader in readers)
            {
                if (await reader.MoveNextAsync(cancellationToken))
                {
                    queue.Enqueue(reader, reader.Index);
                }
            }

            var missing = new List<(long, long)>();
            var doubled = new List<(long, string)>();
            long next = 0, lines = 0;
            string? lastWhere = null;
            await using var writer = new StreamWriter(output, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            while (queue.TryDequeue(out var reader, out var index))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (index < next)
                {
                    // The same input again: keep the first line, name both places.
                    doubled.Add((index, $"{lastWhere} and {reader.Where}"));
                }
                else
                {
                    if (index > next)
                    {
                        missing.Add((next, index - 1));
                    }

                    await writer.WriteLineAsync(reader.Line.AsMemory(), cancellationToken);
                    lines++;
                    next = index + 1;
                    lastWhere = reader.Where;
                }

                if (await reader.MoveNextAsync(cancellationToken))
                {
                    queue.Enqueue(reader, reader.Index);
                }
            }

            if (inputs is { } count && next < count)
            {
                missing.Add((next, count - 1));
            }

            return new Result(lines, missing, doubled);
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }
    }

    /// <summary>One shard output, a line at a time; its indices must increase.</summary>
    private sealed class ShardReader(string path) : IDisposable
    {
        private readonly StreamReader _reader = new(path);
        private long _lineNumber;

        public string Line { get; private set; } = "";

        public long Index { get; private set; } = -1;

        public string Where => $"{Path.GetFileName(path)} line {_lineNumber}";

        public async Task<bool> MoveNextAsync(CancellationToken cancellationToken)
        {
            while (await _reader.ReadLineAsync(cancellationToken) is { } line)
            {
                _lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                var index = IndexOf(line);
                if (index <= Index)
                {
                    throw new CliUsageException(
                        $"{Where}: index {index} after {Index}; a run's output is in input order, so this is not one (or it was edited).");
                }

                (Line, Index) = (line, index);
                return true;
            }

            return false;
        }

        private long IndexOf(string line)
        {
            try
            {
                if (JObject.Parse(line)["index"] is JValue { Type: JTokenType.Integer } index)
                {
                    return index.Value<long>();
                }
            }
            catch (JsonReaderException)
            {
                // named below
            }

            throw new CliUsageException($"{Where} is not a result line of 'run' (a JSON object with an integer \"index\").");
        }

        public void Dispose() => _reader.Dispose();
    }
}
