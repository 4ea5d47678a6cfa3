using UbiOps.Cli.Run;

namespace UbiOps.Cli.Tests.Run;

public class RunStateFileTests
{
    private string _path = null!;

    [SetUp]
    public void SetUp() => _path = Path.Combine(Path.GetTempPath(), $"cli-state-{Guid.NewGuid():N}.state");

    [TearDown]
    public void TearDown() => File.Delete(_path);

    [Test]
    public async Task CreateLazily_NothingAppended_WritesNoFile()
    {
        await using (var state = RunStateFile.CreateLazily(_path, "host/projects/p/d"))
        {
            await state.AppendWrittenAsync(0, [], failed: 0);
        }

        Assert.That(File.Exists(_path), Is.False, "a run that made nothing leaves no state");
    }

    [Test]
    public async Task ReadAsync_AfterAppends_RecallsTargetWrittenAndTheAcceptedWithoutAResult()
    {
        await using (var state = RunStateFile.CreateLazily(_path, "host/projects/p/d"))
        {
            await state.AppendAcceptedAsync([(0, "r0", "00000000000000a0"), (1, "r1", "00000000000000a1"), (2, "r2", "00000000000000a2")]);
            await state.AppendWrittenAsync(0, ["00000000000000a0", "00000000000000a1"], failed: 1);
        }

        var record = await RunRecord.ReadAsync(_path, CancellationToken.None);

        Assert.That(record!.Target, Is.EqualTo("host/projects/p/d"));
        Assert.That(record.Written, Is.EqualTo(new ulong[] { 0xa0, 0xa1 }));
        Assert.That(record.Failed, Is.EqualTo(1));
        Assert.That(record.Accepted.Keys, Is.EqualTo(new long[] { 2 }), "requests whose results are written need no waiting for");
        Assert.That(record.Accepted[2], Is.EqualTo(("r2", "00000000000000a2")));
        Assert.That(record.Finished, Is.Null);
    }

    [Test]
    public async Task Append_AcceptedAndWrittenAtOnce_EveryRecordKeptWhole()
    {
        // The engine records accepted batches while the writer records result lines.
        const int Batches = 200;
        await using (var state = RunStateFile.CreateLazily(_path, "t"))
        {
            var accepting = Task.Run(async () =>
            {
                for (var i = 0; i < Batches; i++)
                {
                    await state.AppendAcceptedAsync([(i, $"r{i}", i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture))]);
                }
            });
            var writing = Task.Run(async () =>
            {
                for (var i = 0; i < Batches; i++)
                {
                    await state.AppendWrittenAsync(i, [i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)], failed: 0);
                }
            });
            await Task.WhenAll(accepting, writing);
        }

        var record = await RunRecord.ReadAsync(_path, CancellationToken.None);

        Assert.That(File.ReadLines(_path).Count(), Is.EqualTo(1 + 2 * Batches), "the header and one line per append");
        Assert.That(record!.Written, Is.EqualTo(Enumerable.Range(0, Batches).Select(i => (ulong)i)));
    }

    [Test]
    public async Task ReadAsync_LineTornByAKill_IsIgnored()
    {
        await using (var state = RunStateFile.CreateLazily(_path, "t"))
        {
            await state.AppendAcceptedAsync([(0, "r0", "00000000000000a0")]);
        }

        await File.AppendAllTextAsync(_path, "{\"accepted\":[[1,\"r1\",\"00000");

        var record = await RunRecord.ReadAsync(_path, CancellationToken.None);

        Assert.That(record!.Accepted.Keys, Is.EqualTo(new long[] { 0 }));
    }

    [Test]
    public async Task RewriteAsync_KeepsWhatAResumeNeedsAndAppendsAfterIt()
    {
        var earlier = new RunRecord("t", [0xa0, 0xa1], 0, new Dictionary<long, (string, string)> { [2] = ("r2", "00000000000000a2") }, null);
        await using (var state = await RunStateFile.RewriteAsync(_path, "t", earlier, CancellationToken.None))
        {
            await state.AppendWrittenAsync(2, ["00000000000000a2"], failed: 0);
            await state.AppendFinishedAsync(3, 0);
        }

        var record = await RunRecord.ReadAsync(_path, CancellationToken.None);

        Assert.That(record!.Written, Is.EqualTo(new ulong[] { 0xa0, 0xa1, 0xa2 }));
        Assert.That(record.Accepted, Is.Empty);
        Assert.That(record.Finished, Is.EqualTo((3L, 0L)));
    }

    [Test]
    public async Task ReadAsync_SendingWithoutAcceptance_IsAnOpenIntentWithItsTimeAndFingerprints()
    {
        var sentAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, 123, TimeSpan.Zero);
        await using (var state = RunStateFile.CreateLazily(_path, "t"))
        {
            await state.AppendSendingAsync([(0, "00000000000000a0"), (1, "00000000000000a1")], sentAt.AddSeconds(-5));
            await state.AppendAcceptedAsync([(0, "r0", "00000000000000a0"), (1, "r1", "00000000000000a1")]);
            await state.AppendSendingAsync([(2, "00000000000000a2"), (3, "00000000000000a3")], sentAt);
        }

        var record = await RunRecord.ReadAsync(_path, CancellationToken.None);

        Assert.That(record!.Intents.Keys, Is.EquivalentTo(new long[] { 2, 3 }), "the first batch's acceptance closed its intent");
        Assert.That(record.Intents[2].Intent, Is.SameAs(record.Intents[3].Intent), "one intent for the batch");
        Assert.That(record.Intents[2].Intent.Indices, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(record.Intents[2].Intent.SentAt, Is.EqualTo(sentAt));
        Assert.That(record.Intents[3].Fingerprint, Is.EqualTo("00000000000000a3"));
        Assert.That(record.HasWork, Is.True);
    }

    [Test]
    public async Task ReadAsync_SendingThenRefused_LeavesNoIntentAndNoWork()
    {
        await using (var state = RunStateFile.CreateLazily(_path, "t"))
        {
            await state.AppendSendingAsync([(0, "00000000000000a0")], DateTimeOffset.UtcNow);
            await state.AppendRefusedAsync([0]);
        }

        var record = await RunRecord.ReadAsync(_path, CancellationToken.None);

        Assert.That(record!.Intents, Is.Empty);
        Assert.That(record.HasWork, Is.False, "a refused first batch blocks no corrected command");
    }

    [Test]
    public async Task RewriteAsync_OpenIntentsAndNeighbors_SurviveForTheNextResume()
    {
        var sentAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        await using (var state = RunStateFile.CreateLazily(_path, "t"))
        {
            await state.AppendAcceptedAsync([(0, "r0", "00000000000000a0")]);
            await state.AppendWrittenAsync(0, ["00000000000000a0"], failed: 0);
            await state.AppendSendingAsync([(1, "00000000000000a1")], sentAt);
        }

        var earlier = await RunRecord.ReadAsync(_path, CancellationToken.None);
        await (await RunStateFile.RewriteAsync(_path, "t", earlier!, CancellationToken.None)).DisposeAsync();
        var again = await RunRecord.ReadAsync(_path, CancellationToken.None);

        Assert.That(again!.Neighbors[0].Id, Is.EqualTo("r0"), "the request just before the intent is still known");
        Assert.That(again.Accepted, Is.Empty);
        Assert.That(again.Intents[1].Intent.SentAt, Is.EqualTo(sentAt));
    }

    [Test]
    public async Task ReadAsync_WrittenRangesOutOfStep_AreNotCounted()
    {
        await using (var state = RunStateFile.CreateLazily(_path, "t"))
        {
            await state.AppendWrittenAsync(0, ["00000000000000a0"], failed: 0);
            await state.AppendWrittenAsync(5, ["00000000000000a5"], failed: 0); // not where the output ends
        }

        var record = await RunRecord.ReadAsync(_path, CancellationToken.None);

        Assert.That(record!.Written, Is.EqualTo(new ulong[] { 0xa0 }));
    }
}
