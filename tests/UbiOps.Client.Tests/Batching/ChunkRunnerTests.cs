namespace UbiOps.Client.Tests.Batching;

public class ChunkRunnerTests
{
    [TestCase(1000, new[] { 250, 250, 250, 250 })]
    [TestCase(251, new[] { 250, 1 })]
    [TestCase(250, new[] { 250 })]
    [TestCase(1, new[] { 1 })]
    public void Split_Items_ChunksOfAtMost250InOrder(int count, int[] sizes)
    {
        var items = Enumerable.Range(0, count).ToArray();

        var chunks = ChunkRunner.Split(items);

        Assert.That(chunks.Select(c => c.Count), Is.EqualTo(sizes));
        Assert.That(chunks.SelectMany(c => c), Is.EqualTo(items));
    }

    [Test]
    public async Task RunAsync_MaxConcurrency3_NeverMoreThan3CallsAtOnce()
    {
        var chunks = ChunkRunner.Split(Enumerable.Range(0, 2500).ToArray());
        int running = 0, peak = 0;

        var results = await ChunkRunner.RunAsync(chunks, 3, async (chunk, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(5);
            Interlocked.Decrement(ref running);
            return chunk.Offset;
        }, CancellationToken.None);

        Assert.That(peak, Is.InRange(1, 3));
        Assert.That(Enumerable.Range(0, results.Count).Select(i => results[i]), Is.EqualTo(Enumerable.Range(0, 10).Select(i => i * 250)));
        Assert.That(results.AllSucceeded, Is.True);
    }

    [Test]
    public async Task RunAsync_CallFails_LaterChunksNotStarted()
    {
        var chunks = ChunkRunner.Split(Enumerable.Range(0, 1000).ToArray());
        var started = new List<int>();

        var results = await ChunkRunner.RunAsync<int, int>(chunks, 1, (chunk, _) =>
        {
            started.Add(chunk.Offset);
            return chunk.Offset == 250 ? throw new InvalidOperationException("second fails") : Task.FromResult(chunk.Offset);
        }, CancellationToken.None);

        Assert.That(started, Is.EqualTo(new[] { 0, 250 }));
        Assert.That(results.Failure, Is.InstanceOf<InvalidOperationException>());
        Assert.That(new[] { results.Succeeded(0), results.Succeeded(1), results.Succeeded(2) }, Is.EqualTo(new[] { true, false, false }));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
