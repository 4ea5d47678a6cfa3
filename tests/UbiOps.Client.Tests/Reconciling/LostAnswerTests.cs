using System.Net;

namespace UbiOps.Client.Tests.Reconciling;

/// <summary>
/// <see cref="LostAnswer.Is"/>: which failures of a create may hide requests the server made.
/// </summary>
public sealed class LostAnswerTests
{
    [TestCase(500, true)]
    [TestCase(502, true)]
    [TestCase(504, true)]
    [TestCase(399, true)]
    [TestCase(400, false)]
    [TestCase(401, false)]
    [TestCase(404, false)]
    [TestCase(429, false)]
    [TestCase(499, false)]
    public void Is_ApiAnswer_5xxMayHideRequests4xxIsARefusal(int status, bool lost)
    {
        var failure = new UbiOpsApiException("answered", status, null, new Dictionary<string, IEnumerable<string>>(), null);

        Assert.That(LostAnswer.Is(failure, CancellationToken.None), Is.EqualTo(lost));
    }

    [Test]
    public void Is_CancelledButNotByTheCaller_IsLost()
    {
        // HttpClient reports its own timeout as a cancellation the caller did not ask for.
        Assert.That(LostAnswer.Is(new TaskCanceledException(), CancellationToken.None), Is.True);
    }

    [Test]
    public void Is_CancelledByTheCaller_IsTheCallersChoice()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(LostAnswer.Is(new OperationCanceledException(cancelled.Token), cancelled.Token), Is.False);
    }

    [Test]
    public void Is_NetworkFailuresAndTimeouts_AreLost()
    {
        Assert.Multiple(() =>
        {
            Assert.That(LostAnswer.Is(new HttpRequestException("reset"), CancellationToken.None), Is.True);
            Assert.That(LostAnswer.Is(new IOException("reset"), CancellationToken.None), Is.True);
            Assert.That(LostAnswer.Is(new TimeoutException(), CancellationToken.None), Is.True);
            Assert.That(LostAnswer.Is(new Polly.Timeout.TimeoutRejectedException(), CancellationToken.None), Is.True);
        });
    }

    [Test]
    public void Is_AnythingElse_IsNot()
    {
        Assert.That(LostAnswer.Is(new InvalidOperationException("a bug"), CancellationToken.None), Is.False);
    }
}
