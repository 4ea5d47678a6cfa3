using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using UbiOps.Emulator.Http;

namespace UbiOps.Emulator.Tests.Http;

/// <summary>
/// The fixed window on the emulator's clock: calls are let through again exactly when the reset
/// the headers announce comes, so a client that waits for it is never refused.
/// </summary>
public sealed class RateLimitingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private RateLimiting _limiting = null!;

    [SetUp]
    public void Configure()
    {
        _limiting = new RateLimiting(new RateLimitOptions { PermitLimit = 3, Window = TimeSpan.FromSeconds(10) }, _clock);
        _limiting.Configure(new RateLimiterOptions());
    }

    [TearDown]
    public void Dispose() => _limiting.Limiter.Dispose();

    [Test]
    public void Limiter_WindowUsedUp_RefusesUntilTheAnnouncedResetAndNotAMomentLonger()
    {
        Assert.That(Enumerable.Range(0, 3).Select(_ => Acquire("10.0.0.1")), Is.All.True);
        _clock.Advance(TimeSpan.FromSeconds(2.5));

        Assert.That(Acquire("10.0.0.1"), Is.False);
        Assert.That(_limiting.SecondsUntilReset("10.0.0.1"), Is.EqualTo(8), "7.5 s, rounded up");
        _clock.Advance(TimeSpan.FromSeconds(7.5) - TimeSpan.FromMilliseconds(1));
        Assert.That(Acquire("10.0.0.1"), Is.False, "a millisecond before the reset");
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(Enumerable.Range(0, 3).Select(_ => Acquire("10.0.0.1")), Is.All.True, "the window turned: 3 calls again");
        Assert.That(Acquire("10.0.0.1"), Is.False);
    }

    [Test]
    public void Limiter_QuietWindowsPass_NextWindowStillAlignedToTheFirstCall()
    {
        Assert.That(Acquire("10.0.0.1"), Is.True);
        _clock.Advance(TimeSpan.FromSeconds(35));

        Assert.That(Acquire("10.0.0.1"), Is.True);
        Assert.That(_limiting.SecondsUntilReset("10.0.0.1"), Is.EqualTo(5), "windows run from 0, 10, 20, 30 s: this one ends at 40 s");
    }

    [Test]
    public void Limiter_TwoAddresses_CountSeparately()
    {
        Assert.That(Enumerable.Range(0, 3).Select(_ => Acquire("10.0.0.1")), Is.All.True);

        Assert.That(Acquire("10.0.0.1"), Is.False);
        Assert.That(Acquire("10.0.0.2"), Is.True);
    }

    [Test]
    public void Limiter_NotAnApiPath_NeverCounted()
    {
        Assert.That(Enumerable.Range(0, 10).Select(_ => Acquire("10.0.0.1", "/docs")), Is.All.True);
        Assert.That(Acquire("10.0.0.1"), Is.True);
    }

    private bool Acquire(string address, string? path = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path ?? ApiRoutes.BasePath + "/projects/demo/deployments/echo/requests";
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        using var lease = _limiting.Limiter.AttemptAcquire(context);
        return lease.IsAcquired;
    }
}
