using UbiOps.Emulator;

namespace UbiOps.Client.Tests.Integration;

/// <summary>
/// The emulator's rate limiter (ASP.NET Core's, a fixed window per address) answers 429 with
/// <c>x-ratelimit-reset</c> and <c>Retry-After</c>; the client waits that long and carries on.
/// </summary>
public sealed class RateLimitTests
{
    private const int InputCount = 600;

    [Test]
    public async Task RunAsync_OverTheRateLimit_WaitsForTheWindowAndRunsEachInputOnce()
    {
        // Backoff is 1 ms: without waiting for the window to reset, the retries would all be refused.
        await using var live = await LiveEmulator.StartAsync(
            rateLimit: new RateLimitOptions { PermitLimit = 4, Window = TimeSpan.FromSeconds(1) });
        var inputs = Enumerable.Range(0, InputCount).Select(i => RequestInput.FromObject(new { id = i })).ToArray();
        var wait = LiveEmulator.FastWait;
        wait.MaxInterval = TimeSpan.FromMilliseconds(20); // poll often enough to run into the limit

        var outcomes = await live.Echo.RunAsync(inputs, new RunOptions { Wait = wait }).ToListAsync();

        Assert.That(outcomes.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, InputCount)));
        Assert.That(outcomes.Select(o => o.Result!.AsString()), Is.EqualTo(inputs.Select(i => i.ToString())));
        Assert.That(outcomes.Select(o => live.Emulator.ExecutionCount(o.RequestId)), Is.All.EqualTo(1));
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(InputCount));
        var attempts = live.Attempts();
        Assert.That(attempts.Count(a => a.StatusCode == 429), Is.GreaterThan(0), "the limiter pushed back");
        Assert.That(attempts.Count(a => a.Attempt > 1), Is.EqualTo(attempts.Count(a => a.StatusCode == 429)),
            "each throttled attempt was retried once, none gave up");
    }
}
