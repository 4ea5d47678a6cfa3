using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace UbiOps.Client.Tests.Http;

/// <summary><see cref="ServerDateObserver"/> teaches the server's clock from each answer's <c>Date</c>.</summary>
public sealed class ServerDateObserverTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Send_AnswerWithADate_TheClockLearnsIt()
    {
        var facts = new ServerFacts();
        using var invoker = new HttpMessageInvoker(new ServerDateObserver(facts, new FakeTimeProvider(T)) { InnerHandler = new Answer(T.AddSeconds(30)) });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/v2.1/x"), CancellationToken.None);

        var expected = new ServerClock();
        expected.ObserveDate(T, T, T.AddSeconds(30));
        Assert.That(facts.Clock.Window(T, T), Is.EqualTo(expected.Window(T, T)));
        Assert.That(facts.Clock.Window(T, T), Is.Not.EqualTo(new ServerClock().Window(T, T)));
    }

    [Test]
    public async Task Send_AnswerWithoutADate_TheClockLearnsNothing()
    {
        var facts = new ServerFacts();
        using var invoker = new HttpMessageInvoker(new ServerDateObserver(facts, new FakeTimeProvider(T)) { InnerHandler = new Answer(null) });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/v2.1/x"), CancellationToken.None);

        Assert.That(facts.Clock.Window(T, T), Is.EqualTo(new ServerClock().Window(T, T)));
    }

    private sealed class Answer(DateTimeOffset? date) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            response.Headers.Date = date;
            return Task.FromResult(response);
        }
    }
}
