using System.Net;

namespace UbiOps.Client.Tests.Reconciling;

/// <summary>
/// <see cref="CreateReconciler.SendAsync"/>: a create is sent again only while the records prove it
/// made nothing, at most <see cref="CreateReconciler.MaxResends"/> times; each look-up is counted
/// once by what it found. The meter is process-wide, hence not parallel.
/// </summary>
[NonParallelizable]
public sealed class CreateReconcilerSendTests
{
    private static readonly string Reconciliations = UbiOpsDiagnostics.Instruments.Reconciliations;

    [Test]
    public void SendAsync_LostEveryTimeAndNothingMade_SentOnceAndMaxResendsMoreThenTheFailureStands()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        using var metrics = new MetricRecorder();
        var sends = 0;

        var error = Assert.ThrowsAsync<UbiOpsApiException>(() => lookup.Reconciler.SendAsync<string>(LookupHarness.Inputs(1), () =>
        {
            sends++;
            throw Failure(500);
        }, _ => false, CancellationToken.None));

        Assert.That(error!.StatusCode, Is.EqualTo(500));
        Assert.That(sends, Is.EqualTo(CreateReconciler.MaxResends + 1));
        Assert.That(metrics.Count(Reconciliations, (UbiOpsDiagnostics.Reconciled.Tag, UbiOpsDiagnostics.Reconciled.NotCreated)), Is.EqualTo(CreateReconciler.MaxResends));
        Assert.That(metrics.Count(Reconciliations), Is.EqualTo(CreateReconciler.MaxResends), "one count per look-up, not per look");
    }

    [Test]
    public async Task SendAsync_LostAndMade_AnswersWithWhatWasFoundCountedOnce()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        using var metrics = new MetricRecorder();
        lookup.Server.Add("r-0", "completed", secondsAgo: 0, new { n = 1 }); // made as the call was sent

        var attempt = await lookup.Reconciler.SendAsync<string>(LookupHarness.Inputs(1), () => throw Failure(504), _ => false, CancellationToken.None);

        Assert.That(((Reconciliation.Created)attempt.Found!).Requests.Single().Id, Is.EqualTo("r-0"));
        Assert.That(attempt.Lost, Is.InstanceOf<UbiOpsApiException>());
        Assert.That(metrics.Count(Reconciliations, (UbiOpsDiagnostics.Reconciled.Tag, UbiOpsDiagnostics.Reconciled.Created)), Is.EqualTo(1));
        Assert.That(metrics.Count(Reconciliations), Is.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_LostAndHeldTwice_UndecidedCountedOnce()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        using var metrics = new MetricRecorder();
        lookup.Server.Add("r-0", "completed", secondsAgo: 0, new { n = 1 }); // made as the call was sent
        lookup.Server.Add("r-1", "completed", secondsAgo: 0, new { n = 1 });

        var attempt = await lookup.Reconciler.SendAsync<string>(LookupHarness.Inputs(1), () => throw Failure(502), _ => false, CancellationToken.None);

        Assert.That(((Reconciliation.Undecided)attempt.Found!).Candidates.Single(), Is.EquivalentTo(new[] { "r-0", "r-1" }));
        Assert.That(metrics.Count(Reconciliations, (UbiOpsDiagnostics.Reconciled.Tag, UbiOpsDiagnostics.Reconciled.Undecided)), Is.EqualTo(1));
        Assert.That(metrics.Count(Reconciliations), Is.EqualTo(1));
    }

    [Test]
    public void SendAsync_CallerCancelsDuringTheLookUp_CancellationNotALookUpFailure()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        using var cancel = new CancellationTokenSource();
        lookup.Server.BeforeList = _ => cancel.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => lookup.Reconciler.SendAsync<string>(
            LookupHarness.Inputs(1), () => throw Failure(500), _ => false, cancel.Token));
    }

    [Test]
    public async Task SendAsync_LookUpFails_AnswersWithBothFailures()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.BeforeList = _ => throw new InvalidOperationException("cannot list");

        var attempt = await lookup.Reconciler.SendAsync<string>(LookupHarness.Inputs(1), () => throw Failure(500), _ => false, CancellationToken.None);

        Assert.That(attempt.Lost, Is.InstanceOf<UbiOpsApiException>());
        Assert.That(attempt.LookupFailure, Is.Not.Null);
        Assert.That(attempt.Found, Is.Null);
    }

    private static UbiOpsApiException Failure(int status) =>
        new("lost", status, null, new Dictionary<string, IEnumerable<string>>(), null);

    [Test]
    public async Task SendAsync_LostAndLookedUp_CountsEveryCallTheLookUpMade()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        using var metrics = new MetricRecorder();
        lookup.Server.Add("r-0", "completed", secondsAgo: 0, new { n = 1 }, sendsRequestData: false); // its input only in its file

        await lookup.Reconciler.SendAsync<string>(LookupHarness.Inputs(1), () => throw Failure(504), _ => false, CancellationToken.None);

        var calls = lookup.Server.Lists.Count + lookup.Server.Collects.Count + lookup.Server.InputReads.Count;
        Assert.That(lookup.Server.InputReads, Has.Count.EqualTo(1));
        Assert.That(metrics.Sum(UbiOpsDiagnostics.Instruments.ReconciliationCalls), Is.EqualTo(calls));
    }
}
