using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Cli.Errors;

namespace UbiOps.Cli.Run;

/// <summary>
/// What an earlier run already wrote to the output: its lines are the inputs 0..Count-1 in order,
/// because a run writes in input order. Reading it streams, so memory stays flat.
/// </summary>
internal sealed record ExistingOutput(long Count, long Failed)
{
    public static readonly ExistingOutput None = new(0, 0);

    /// <summary>
    /// Scans the output file. A last line cut off by a kill (no newline at its end) is removed, so
    /// appending continues on a clean line; any other foreign content is a usage error rather
    /// than something to overwrite.
    /// </summary>
    public static ExistingOutput Scan(string path)
    {
        if (!File.Exists(path))
        {
            return None;
        }

        long count = 0, failed = 0, validLength = 0;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            foreach (var (line, endOffset, complete) in ReadLines(stream))
            {
                if (!complete)
                {
                    break; // A torn last line: its input is done again (collected, not resubmitted).
                }

                if (!TryParse(line, out var index, out var status) || index != count)
                {
                    throw new CliUsageException(
                        $"--output '{path}' exists but line {count + 1} is not the result of input {count} of a run; " +
                        "remove the file, choose another --output, or pass --restart to overwrite it.");
                }

                count++;
                if (status != "completed")
                {
                    failed++;
                }

                validLength = endOffset;
            }
        }

        if (new FileInfo(path).Length != validLength)
        {
            using var truncate = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
            truncate.SetLength(validLength);
        }

        return new ExistingOutput(count, failed);
    }

    private static bool TryParse(string line, out long index, out string? status)
    {
        index = -1;
        status = null;
        try
        {
            if (JToken.Parse(line) is JObject json &&
                json["index"] is JValue { Type: JTokenType.Integer } i &&
                json["status"] is JValue { Type: JTokenType.String } s)
            {
                index = i.Value<long>();
                status = s.Value<string>();
                return true;
            }
        }
        catch (JsonReaderException)
        {
        }

        return false;
    }

    // Lines with the byte offset just past their newline; the last one may lack its newline.
    private static IEnumerable<(string Line, long EndOffset, bool Complete)> ReadLines(Stream stream)
    {
        var buffer = new MemoryStream();
        long offset = 0;
        int b;
        var reader = new BufferedStream(stream, 1 << 16);
        while ((b = reader.ReadByte()) >= 0)
        {
            offset++;
            if (b == '\n')
            {
                yield return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), offset, true);
                buffer.SetLength(0);
            }
            else
            {
                buffer.WriteByte((byte)b);
            }
        }

        if (buffer.Length > 0)
        {
            yield return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), offset, false);
        }
    }
}
