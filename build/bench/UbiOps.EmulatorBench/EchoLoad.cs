using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using UbiOps.Client;

namespace UbiOps.EmulatorBench;

/// <summary>
/// N echo inputs through batch creates (a few in flight) and collect loops that run alongside, as
/// a client that waits for its batches would.
/// </summary>
internal static class EchoLoad
{
    public sealed record Result(double ClientSeconds, Window Window);

    public static async Task<Result> RunAsync(EmulatorApi api, int inputs, int concurrency)
    {
        var bodies = Bodies(inputs);
        var unfinished = new ConcurrentQueue<string>();
        var finished = new ConcurrentBag<RequestTimes>();
        var next = -1;
        var creatorsLeft = concurrency;
        var watch = Stopwatch.StartNew();

        async Task CreateAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < bodies.Count)
            {
                foreach (var id in await api.CreateBatchAsync(bodies[index]))
                {
                    unfinished.Enqueue(id);
                }
            }

            Interlocked.Decrement(ref creatorsLeft);
        }

        async Task CollectAsync()
        {
            while (finished.Count < inputs)
            {
                var ids = new List<string>(RequestLimits.MaxItemsPerCall);
                while (ids.Count < RequestLimits.MaxItemsPerCall && unfinished.TryDequeue(out var id))
                {
                    ids.Add(id);
                }

                if (ids.Count == 0)
                {
                    await Task.Delay(5);
                    continue;
                }

                foreach (var request in await api.CollectAsync(ids))
                {
                    if (request.IsFinished)
                    {
                        finished.Add(request);
                    }
                    else
                    {
                        unfinished.Enqueue(request.Id);
                    }
                }

                if (Volatile.Read(ref creatorsLeft) == 0 && finished.Count < inputs)
                {
                    await Task.Delay(5); // all submitted: poll, do not spin
                }
            }
        }

        var creators = Enumerable.Range(0, concurrency).Select(_ => Task.Run(CreateAsync));
        var collectors = Enumerable.Range(0, 2).Select(_ => Task.Run(CollectAsync));
        await Task.WhenAll(creators.Concat(collectors));
        var seconds = watch.Elapsed.TotalSeconds;
        return new Result(seconds, Window.Of(finished));
    }

    private static List<byte[]> Bodies(int inputs) =>
        Enumerable.Range(0, inputs)
            .Chunk(RequestLimits.MaxItemsPerCall)
            .Select(chunk => Encoding.UTF8.GetBytes(
                "[" + string.Join(",", chunk.Select(i => $"{{\"index\":{i},\"text\":\"input number {i}\",\"values\":[{i},{i * 2},{i * 3}]}}")) + "]"))
            .ToList();
}
