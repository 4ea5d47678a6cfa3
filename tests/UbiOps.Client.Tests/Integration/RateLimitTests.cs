using UbiOps.Emulator;

namespace UbiOps.Client.Tests.Integration;

/// <summary>
/// The emulator's rate limiter (ASP.NET Core's, a fixed window per address) tells the window in
/// <c>x-ratelimit-*</c> headers: the client spends it, waits for its reset instead of drawing
/// 429s, and a 429 that still comes is waited out and retried.
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
        var progress = new ProgressLog<RunProgress>();

        var outcomes = await live.Echo.RunAsync(inputs, new RunOptions { Progress = progress }).ToListAsync();

        Assert.That(outcomes.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, InputCount).Select(i => (long)i)));
        Assert.That(outcomes.Select(o => o.Result!.AsString()), Is.EqualTo(inputs.Select(i => i.ToString())));
        Assert.That(outcomes.Select(o => live.Emulator.ExecutionCount(o.RequestId!)), Is.All.EqualTo(1));
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(InputCount));
        var attempts = live.Attempts();
        Assert.That(progress.Reports.Any(p => p.RateLimitedUntil is not null), Is.True, "the run waited for the window");
        // 3 creates and a few polls need several windows of 4 calls; at a window's turn the client's
        // guess of the reset may be a moment early, which costs one 429 at most.
        Assert.That(attempts.Count(a => a.StatusCode == 429), Is.LessThanOrEqualTo(attempts.Count / 10 + 1));
        Assert.That(attempts.Count(a => a.Attempt > 1), Is.EqualTo(attempts.Count(a => a.StatusCode == 429)),
            "each throttled attempt was retried once, none gave up");
    }
}
