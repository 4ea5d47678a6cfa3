using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Cli.Inputs;

/// <summary>
/// Streams the inputs of a JSON-lines file or a JSON array, one at a time, so a file of any size
/// is read in constant memory. A malformed JSON line becomes a record with an error and reading
/// goes on; a syntax error inside a JSON array ends the array (the rest cannot be resynchronized).
/// </summary>
internal static class InputReader
{
    public static async IAsyncEnumerable<InputRecord> ReadAsync(
        TextReader reader, InputFormat format, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (format == InputFormat.Text)
        {
            await foreach (var record in ReadTextAsync(reader, cancellationToken))
            {
                yield return record;
            }

            yield break;
        }

        var (firstLine, firstLineNumber, resolved) = await DetectAsync(reader, format, cancellationToken);
        var records = resolved == InputFormat.Json
            ? ReadArrayAsync(reader, firstLine, firstLineNumber, cancellationToken)
            : ReadLinesAsync(reader, firstLine, firstLineNumber, cancellationToken);
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            yield return record;
        }
    }

    // Skips leading blank space one character at a time (a minified array may be one huge line),
    // and hands the first significant character on so nothing is read twice.
    private static async Task<(string? Prefix, long LineNumber, InputFormat Format)> DetectAsync(
        TextReader reader, InputFormat format, CancellationToken cancellationToken)
    {
        long lineNumber = 1;
        var buffer = new char[1];
        while (await reader.ReadAsync(buffer.AsMemory(), cancellationToken) == 1)
        {
            var c = buffer[0];
            if (c == '\n')
            {
                lineNumber++;
            }

            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                continue;
            }

            var resolved = format != InputFormat.Auto ? format : c == '[' ? InputFormat.Json : InputFormat.Jsonl;
            return (c.ToString(), lineNumber, resolved);
        }

        return (null, lineNumber, format == InputFormat.Auto ? InputFormat.Jsonl : format);
    }

    private static async IAsyncEnumerable<InputRecord> ReadLinesAsync(
        TextReader reader, string? firstLine, long firstLineNumber,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (firstLine is null)
        {
            yield break;
        }

        long index = 0;
        var lineNumber = firstLineNumber;
        var line = firstLine + await reader.ReadLineAsync(cancellationToken);
        while (line is not null)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return ParseLine(index++, lineNumber, line);
            }

            line = await reader.ReadLineAsync(cancellationToken);
            lineNumber++;
        }
    }

    // Each line as it is, for a plain deployment: nothing to parse, so nothing is malformed.
    private static async IAsyncEnumerable<InputRecord> ReadTextAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long index = 0, lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 && line.StartsWith('\uFEFF'))
            {
                line = line[1..];
            }

            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return new InputRecord(index++, lineNumber, new JValue(line), null, InputFingerprint.Of(line));
            }
        }
    }

    private static InputRecord ParseLine(long index, long lineNumber, string line)
    {
        // Newtonsoft forgives trailing commas, comments and unquoted names; a JSON-lines file must be
        // strict JSON, so System.Text.Json checks the line first.
        if (StrictJson.Check(line) is { } problem)
        {
            return Malformed(index, lineNumber, $"not valid JSON ({problem})", line);
        }

        try
        {
            using var json = CreateJsonReader(new StringReader(line));
            var token = JToken.Load(json);
            if (json.Read())
            {
                return Malformed(index, lineNumber, "unexpected text after the JSON value", line);
            }

            return Validate(index, lineNumber, token, line);
        }
        catch (JsonReaderException e)
        {
            return Malformed(index, lineNumber, $"not valid JSON ({TrimPosition(e.Message)})", line);
        }
    }

    private static async IAsyncEnumerable<InputRecord> ReadArrayAsync(
        TextReader reader, string? firstLine, long firstLineNumber,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (firstLine is null)
        {
            yield break;
        }

        // Line numbers of the JSON reader count from the first non-blank line.
        var offset = firstLineNumber - 1;
        using var json = CreateJsonReader(new PrefixedReader(firstLine, reader));
        long index = 0;
        string? failure = null;
        long failureLine = 0;
        try
        {
            if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonToken.StartArray)
            {
                failure = "a JSON input file must be one array of inputs";
                failureLine = json.LineNumber + offset;
            }
        }
        catch (JsonReaderException e)
        {
            failure = $"not valid JSON ({TrimPosition(e.Message)})";
            failureLine = e.LineNumber + offset;
        }

        while (failure is null)
        {
            InputRecord? record = null;
            try
            {
                if (!await json.ReadAsync(cancellationToken))
                {
                    failure = "the JSON array is not closed";
                    failureLine = json.LineNumber + offset;
                    break;
                }

                if (json.TokenType == JsonToken.EndArray)
                {
                    break;
                }

                var line = json.LineNumber + offset;
                var token = await JToken.LoadAsync(json, cancellationToken);
                record = Validate(index, line, token, token.ToString(Formatting.None));
            }
            catch (JsonReaderException e)
            {
                failure = $"not valid JSON ({TrimPosition(e.Message)}); the rest of the array is not read";
                failureLine = e.LineNumber + offset;
            }

            if (record is not null)
            {
                index++;
                yield return record;
            }
        }

        if (failure is not null)
        {
            yield return Malformed(index, failureLine, failure, failure);
        }
    }

    private static InputRecord Validate(long index, long lineNumber, JToken token, string text) => token.Type switch
    {
        JTokenType.Object or JTokenType.String => new InputRecord(index, lineNumber, token, null, InputFingerprint.Of(text)),
        _ => Malformed(index, lineNumber,
            $"an input must be a JSON object (structured deployment) or a JSON string (plain deployment), not {Describe(token.Type)}", text),
    };

    private static InputRecord Malformed(long index, long lineNumber, string reason, string text) =>
        new(index, lineNumber, null, $"line {lineNumber}: {reason}", InputFingerprint.Of(text));

    private static string Describe(JTokenType type) => type switch
    {
        JTokenType.Array => "an array",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => type.ToString().ToLowerInvariant(),
    };

    // Newtonsoft appends "Path '', line 1, position 5." — the line is ours to report.
    private static string TrimPosition(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static JsonTextReader CreateJsonReader(TextReader reader) => new(reader)
    {
        // Inputs go to the deployment as written: date-like strings stay strings.
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Double,
        SupportMultipleContent = false,
    };
}
