using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;

namespace UbiOps.Client.Tests.Resilience;

public class ServerRequestedDelayTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public void From_RetryAfterSeconds_IsThatMany()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)));

        Assert.That(ServerRequestedDelay.From(response, _time), Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void From_RetryAfterDate_IsTheTimeUntilThatDate()
    {
        using var response = Answer(HttpStatusCode.ServiceUnavailable, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(20)));

        Assert.That(ServerRequestedDelay.From(response, _time), Is.EqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void From_RetryAfterDateInThePast_IsZero()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(-20)));

        Assert.That(ServerRequestedDelay.From(response, _time), Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase("15", 15_000)]
    [TestCase("0.5", 500)]
    [TestCase("-3", 0)]
    public void From_RateLimitReset_IsSecondsUntilReset(string header, int expectedMs)
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, r => r.Headers.Add("x-ratelimit-reset", header));

        Assert.That(ServerRequestedDelay.From(response, _time), Is.EqualTo(TimeSpan.FromMilliseconds(expectedMs)));
    }

    [Test]
    public void From_BothHeaders_IsTheLongerWait()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, r =>
        {
            r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
            r.Headers.Add("x-ratelimit-reset", "8");
        });

        Assert.That(ServerRequestedDelay.From(response, _time), Is.EqualTo(TimeSpan.FromSeconds(8)));
    }

    [Test]
    public void From_UnreadableRateLimitReset_IsNoWait()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, r => r.Headers.Add("x-ratelimit-reset", "soon"));

        Assert.That(ServerRequestedDelay.From(response, _time), Is.Null);
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.OK)]
    public void From_StatusOtherThan429Or503_IsNoWait(HttpStatusCode status)
    {
        using var response = Answer(status, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)));

        Assert.That(ServerRequestedDelay.From(response, _time), Is.Null);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, Action<HttpResponseMessage> configure)
    {
        var response = new HttpResponseMessage(status);
        configure(response);
        return response;
    }
}
