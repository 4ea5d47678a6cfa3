using Newtonsoft.Json.Linq;
using UbiOps.Cli.Inputs;

namespace UbiOps.Cli.Tests.Inputs;

public class InputReaderTests
{
    [Test]
    public async Task ReadAsync_JsonLines_YieldsOneRecordPerNonBlankLineWithItsLineNumber()
    {
        var records = await ReadAsync("{\"a\":1}\n\n\"plain text\"\n{\"b\":2}\n");

        Assert.That(records.Select(r => (r.Index, r.LineNumber)), Is.EqualTo(new[] { (0L, 1L), (1L, 3L), (2L, 4L) }));
        Assert.That(records[0].Data!["a"]!.Value<int>(), Is.EqualTo(1));
        Assert.That(records[1].Data!.Value<string>(), Is.EqualTo("plain text"));
    }

    [Test]
    public async Task ReadAsync_MalformedLine_IsReportedWithItsLineNumberAndReadingGoesOn()
    {
        var records = await ReadAsync("{\"a\":1}\n{\"a\": oops}\n{\"a\":3}\n");

        Assert.That(records, Has.Count.EqualTo(3));
        Assert.That(records[1].IsMalformed, Is.True);
        Assert.That(records[1].Error, Does.StartWith("line 2: not valid JSON"));
        Assert.That(records[2].Data!["a"]!.Value<int>(), Is.EqualTo(3));
    }

    [TestCase("[1, 2]", "an array")]
    [TestCase("42", "a number")]
    [TestCase("null", "null")]
    [TestCase("{\"a\":1} trailing", "invalid after a single JSON value")]
    [TestCase("{\"a\":1,}", "not valid JSON")]
    [TestCase("{a:1}", "not valid JSON")]
    [TestCase("{\"a\":1} // note", "not valid JSON")]
    [TestCase("{'a':1}", "not valid JSON")]
    public async Task ReadAsync_LineThatIsNotAnObjectOrString_IsMalformed(string line, string reason)
    {
        var records = await ReadAsync("{\"ok\":true}\n" + line + "\n", InputFormat.Jsonl);

        Assert.That(records[1].Error, Does.StartWith("line 2:").And.Contain(reason));
    }

    [Test]
    public async Task ReadAsync_DateLikeStrings_StayStringsAsWritten()
    {
        var records = await ReadAsync("{\"when\":\"2020-03-28T20:00:26.613+00:00\"}");

        Assert.That(records[0].Data!["when"]!.Type, Is.EqualTo(JTokenType.String));
        Assert.That(records[0].Data!["when"]!.Value<string>(), Is.EqualTo("2020-03-28T20:00:26.613+00:00"));
    }

    [Test]
    public async Task ReadAsync_JsonArray_YieldsItsElementsWithTheLineEachStartsOn()
    {
        var records = await ReadAsync("\n[\n  {\"a\": 1},\n  \"text\",\n  {\"a\":\n 3}\n]\n");

        Assert.That(records.Select(r => r.LineNumber), Is.EqualTo(new[] { 3L, 4L, 5L }));
        Assert.That(records.All(r => !r.IsMalformed), Is.True);
        Assert.That(records[2].Data!["a"]!.Value<int>(), Is.EqualTo(3));
    }

    [Test]
    public async Task ReadAsync_JsonArrayWithASyntaxError_KeepsTheElementsBeforeAndReportsTheLine()
    {
        var records = await ReadAsync("[\n{\"a\":1},\n{\"a\": x}\n]");

        Assert.That(records, Has.Count.EqualTo(2));
        Assert.That(records[0].IsMalformed, Is.False);
        Assert.That(records[1].Error, Does.StartWith("line 3:"));
    }

    [Test]
    public async Task ReadAsync_EmptyInput_YieldsNothing()
    {
        Assert.That(await ReadAsync("  \n\n"), Is.Empty);
    }

    private static async Task<List<InputRecord>> ReadAsync(string text, InputFormat format = InputFormat.Auto)
    {
        var records = new List<InputRecord>();
        await foreach (var record in InputReader.ReadAsync(new StringReader(text), format, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }
}
