using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using UbiOps.Cli.Inputs;
using UbiOps.Cli.Run;

namespace UbiOps.Cli.Tests.Run;

public class RunPipelineTests
{
    private string _directory = null!;

    [SetUp]
    public void SetUp() => _directory = Directory.CreateTempSubdirectory("cli-pipeline-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    private string StatePath => Path.Combine(_directory, "out.state");

    [Test]
    public async Task RunAsync_RequestsEndingOutOfOrder_WritesOneLinePerInputInInputOrder()
    {
        var backend = new FakeRunBackend();

        var lines = await RunAsync(backend, Inputs(1000), new RunSettings { BatchSize = 50, Window = 200 });

        Assert.That(lines.Select(l => l.Value<long>("index")), Is.EqualTo(Enumerable.Range(0, 1000).Select(i => (long)i)));
        Assert.That(lines.Select(l => l["result"]!.Value<int>("n")), Is.EqualTo(Enumerable.Range(0, 1000)));
        Assert.That(backend.Submitted, Has.Count.EqualTo(1000));
    }

    [Test]
    public async Task RunAsync_LargeInput_NeverHasMoreThanTheWindowInFlight()
    {
        var backend = new FakeRunBackend();
        var settings = new RunSettings { BatchSize = 25, Window = 100 };
        var observer = new RecordingObserver();
        var counted = new CountingInputs(Inputs(2000)) { WrittenSoFar = () => observer.WrittenCount };

        await RunAsync(backend, counted.ReadAsync(), settings, observer: observer);

        Assert.That(backend.MaxOutstanding, Is.LessThanOrEqualTo(settings.Window));
        Assert.That(counted.MaxReadAhead, Is.LessThanOrEqualTo(settings.Window + 1));
        Assert.That(observer.WrittenCount, Is.EqualTo(2000));
    }

    [Test]
    public async Task RunAsync_MalformedInput_GetsAnErrorLineAndTheOthersRun()
    {
        var backend = new FakeRunBackend();
        var observer = new RecordingObserver();
        var inputs = Records(5).Select(r => r.Index == 2 ? new InputRecord(2, 3, null, "line 3: not valid JSON") : r);

        var lines = await RunAsync(backend, ToAsync(inputs), new RunSettings { BatchSize = 2, Window = 4 }, observer: observer);

        Assert.That(lines.Select(l => l.Value<string>("status")), Is.EqualTo(new[] { "completed", "completed", "invalid_input", "completed", "completed" }));
        Assert.That(lines[2].Value<string>("error"), Is.EqualTo("line 3: not valid JSON"));
        Assert.That(observer.Malformed, Is.EqualTo(new[] { "line 3: not valid JSON" }));
        Assert.That(backend.Submitted, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task RunAsync_BatchRefusedForOneInput_SubmitsOneByOneSoOnlyThatInputFails()
    {
        var backend = new FakeRunBackend { Refuses = input => input.Value<int>("n") == 3 };

        var lines = await RunAsync(backend, Inputs(6), new RunSettings { BatchSize = 6, Window = 6 });

        Assert.That(lines.Select(l => l.Value<string>("status")), Is.EqualTo(new[] { "completed", "completed", "completed", "rejected", "completed", "completed" }));
        Assert.That(lines[3].Value<string>("error"), Is.EqualTo("refused"));
        Assert.That(lines[3]["request_id"]!.Type, Is.EqualTo(JTokenType.Null));
    }

    [Test]
    public async Task RunAsync_FailedRequest_WritesItsErrorInsteadOfAResult()
    {
        var backend = new FakeRunBackend { Fails = input => input.Value<int>("n") == 1 };

        var lines = await RunAsync(backend, Inputs(3), new RunSettings { BatchSize = 3, Window = 3 });

        Assert.That(lines[1].Value<string>("status"), Is.EqualTo("failed"));
        Assert.That(lines[1].Value<string>("error"), Is.EqualTo("deployment failed"));
        Assert.That(lines[1].ContainsKey("result"), Is.False);
        Assert.That(lines[0].ContainsKey("error"), Is.False);
    }

    [Test]
    public async Task RunAsync_InputsRecordedInTheState_AreCollectedNotSubmitted()
    {
        var backend = new FakeRunBackend();
        backend.Remember("earlier-1", new JObject { ["n"] = 1 });
        backend.Remember("earlier-2", new JObject { ["n"] = 2 });
        await using (var seed = await RunStateFile.OpenAsync(StatePath, "t", 0, CancellationToken.None))
        {
            await seed.AppendAsync([(1, "earlier-1"), (2, "earlier-2")]);
        }

        var lines = await RunAsync(backend, Inputs(4), new RunSettings { BatchSize = 2, Window = 4 }, firstIndex: 1);

        Assert.That(lines.Select(l => l.Value<long>("index")), Is.EqualTo(new[] { 1L, 2L, 3L }));
        Assert.That(lines.Take(2).Select(l => l.Value<string>("request_id")), Is.EqualTo(new[] { "earlier-1", "earlier-2" }));
        Assert.That(backend.Submitted.Select(s => s.Value<int>("n")), Is.EqualTo(new[] { 3 }), "input 0 was in the output, 1 and 2 in the state");
    }

    [Test]
    public async Task RunAsync_Cancelled_RecordsEverySubmittedRequestAndWritesAnOrderedPrefix()
    {
        using var cancellation = new CancellationTokenSource();
        var backend = new FakeRunBackend { BeforeSubmit = call => { if (call == 3) cancellation.Cancel(); } };

        var run = RunAsync(backend, Inputs(100), new RunSettings { BatchSize = 10, Window = 50 }, cancellation: cancellation.Token);

        Assert.That(async () => await run, Throws.InstanceOf<OperationCanceledException>());
        var lines = ReadOutput();
        Assert.That(lines.Select(l => l.Value<long>("index")), Is.EqualTo(Enumerable.Range(0, lines.Count).Select(i => (long)i)));
        await using var state = await RunStateFile.OpenAsync(StatePath, "t", lines.Count, CancellationToken.None);
        Assert.That(lines.Count + state.Recorded.Count, Is.EqualTo(backend.Submitted.Count), "every submitted input is either written or recorded");
    }

    [Test]
    public async Task RunAsync_CancelledWhileABatchCallIsInFlight_RecordsTheBatchTheServerAccepted()
    {
        // Ctrl+C arrives after the server accepted batch 2 but before its answer came back: that
        // answer must still be waited for and recorded, or a resumed run submits the batch again.
        using var cancellation = new CancellationTokenSource();
        var backend = new FakeRunBackend { WhileInFlight = call => { if (call == 2) cancellation.Cancel(); } };

        var run = RunAsync(backend, Inputs(100), new RunSettings { BatchSize = 10, Window = 50 }, cancellation: cancellation.Token);

        Assert.That(async () => await run, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(backend.SubmitCalls, Is.EqualTo(3), "no batch call starts after the stop");
        var lines = ReadOutput();
        await using var state = await RunStateFile.OpenAsync(StatePath, "t", lines.Count, CancellationToken.None);
        Assert.That(lines.Count + state.Recorded.Count, Is.EqualTo(backend.Submitted.Count), "every accepted input is either written or recorded");
        Assert.That(state.Recorded.Keys, Does.Contain(29L), "the last input of the batch in flight at the stop");
    }

    [Test]
    public async Task RunAsync_OutputWriteFails_ThrowsThatFailureInsteadOfWaitingForeverForTheWindow()
    {
        var backend = new FakeRunBackend();
        var output = new ResultWriter(new FailingTextWriter(), ownsWriter: true);
        await using var state = await RunStateFile.OpenAsync(StatePath, "t", 0, CancellationToken.None);
        var pipeline = new RunPipeline(backend, new RunSettings { BatchSize = 5, Window = 10 }, output, state, new RecordingObserver());

        // More inputs than the window: without the written lines the window never frees up. The
        // limit only turns a hang into a failure; it is not a speed check.
        var run = pipeline.RunAsync(Inputs(100), 0, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.That(async () => await run, Throws.TypeOf<IOException>().With.Message.EqualTo("disk full"));
        Assert.That(backend.Submitted, Has.Count.LessThanOrEqualTo(10), "nothing is submitted past the window once writing failed");
    }

    [Test]
    public async Task RunAsync_WaitFails_ThrowsThatFailure()
    {
        var backend = new ThrowingWaitBackend();

        var run = RunAsync(backend, Inputs(5), new RunSettings { BatchSize = 5, Window = 5 });

        Assert.That(async () => await run, Throws.TypeOf<HttpRequestException>().With.Message.EqualTo("poll failed"));
    }

    private async Task<List<JObject>> RunAsync(
        IRunBackend backend, IAsyncEnumerable<InputRecord> inputs, RunSettings settings, long firstIndex = 0,
        RecordingObserver? observer = null, CancellationToken cancellation = default)
    {
        var outputPath = Path.Combine(_directory, "out.jsonl");
        await using (var state = await RunStateFile.OpenAsync(StatePath, "t", firstIndex, CancellationToken.None))
        await using (var output = ResultWriter.AppendToFile(outputPath))
        {
            var pipeline = new RunPipeline(backend, settings, output, state, observer ?? new RecordingObserver());
            await pipeline.RunAsync(inputs, firstIndex, cancellation);
        }

        return ReadOutput();
    }

    private List<JObject> ReadOutput()
    {
        var path = Path.Combine(_directory, "out.jsonl");
        return File.Exists(path) ? File.ReadAllLines(path).Select(JObject.Parse).ToList() : [];
    }

    private static IAsyncEnumerable<InputRecord> Inputs(int count) => ToAsync(Records(count));

    private static IEnumerable<InputRecord> Records(int count) =>
        Enumerable.Range(0, count).Select(i => new InputRecord(i, i + 1, new JObject { ["n"] = i }, null));

    private static async IAsyncEnumerable<InputRecord> ToAsync(IEnumerable<InputRecord> records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }

    private sealed class RecordingObserver : IRunObserver
    {
        private long _written;

        public List<string> Malformed { get; } = [];

        public long WrittenCount => Interlocked.Read(ref _written);

        public void Submitted(int count)
        {
        }

        public void Written(ResultLine line) => Interlocked.Increment(ref _written);

        void IRunObserver.Malformed(string error) => Malformed.Add(error);
    }

    private sealed class CountingInputs(IAsyncEnumerable<InputRecord> inner)
    {
        public long Produced;

        public long MaxReadAhead;

        public Func<long> WrittenSoFar { get; set; } = () => 0;

        public async IAsyncEnumerable<InputRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var record in inner.WithCancellation(cancellationToken))
            {
                Produced++;
                MaxReadAhead = Math.Max(MaxReadAhead, Produced - WrittenSoFar());
                yield return record;
            }
        }
    }

    private sealed class FailingTextWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("disk full");

        public override void Write(string? value) => throw new IOException("disk full");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("disk full");
    }

    private sealed class ThrowingWaitBackend : IRunBackend
    {
        public Task<IReadOnlyList<string>> SubmitAsync(IReadOnlyList<JToken> inputs, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(inputs.Select((_, i) => $"id-{i}").ToArray());

        public async IAsyncEnumerable<EndedRequest> WaitAsync(IReadOnlyList<string> requestIds, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw new HttpRequestException("poll failed");
#pragma warning disable CS0162 // An iterator needs a yield to be one.
            yield break;
#pragma warning restore CS0162
        }

        public bool IsRejection(Exception exception, out string reason)
        {
            reason = string.Empty;
            return false;
        }
    }
}
