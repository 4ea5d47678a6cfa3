using System.Net;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client.Tests.Reconciling;

/// <summary>
/// What a lost create's look-up concludes from the server's records, on either generation of the
/// API without being told which: adopt what the call made, send again what it provably did not
/// make, and leave undecided what the records cannot tell.
/// </summary>
public class CreateReconcilerTests
{
    private static readonly ApiGeneration[] Generations = [ApiGeneration.July2024, ApiGeneration.December2025];

    private static readonly string[] ListOrder = ["pending", "processing", "cancelled_pending", "completed", "failed", "cancelled"];

    [TestCaseSource(nameof(Generations))]
    public async Task ReconcileAsync_CallsRequestsStillPending_AdoptsThemInInputOrder(ApiGeneration api)
    {
        using var lookup = new LookupHarness(api);
        lookup.Server.Add("r-1", "pending", secondsAgo: 8, new { n = 2 });
        lookup.Server.Add("r-0", "pending", secondsAgo: 8, new { n = 1 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1, 2));

        Assert.That(found, Is.TypeOf<Reconciliation.Created>());
        Assert.That(((Reconciliation.Created)found).Requests.Select(r => r.Id), Is.EqualTo(new[] { "r-0", "r-1" }));
    }

    [TestCaseSource(nameof(Generations))]
    public async Task ReconcileAsync_CallsRequestsInEveryStatus_AdoptsThemAll(ApiGeneration api)
    {
        using var lookup = new LookupHarness(api);
        string[] statuses = ["pending", "processing", "completed", "failed", "cancelled"];
        for (var i = 0; i < statuses.Length; i++)
        {
            lookup.Server.Add($"r-{i}", statuses[i], secondsAgo: 8, new { n = i });
        }

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(0, 1, 2, 3, 4));

        Assert.That(((Reconciliation.Created)found).Requests.Select(r => r.Id), Is.EqualTo(new[] { "r-0", "r-1", "r-2", "r-3", "r-4" }));
    }

    [Test]
    public async Task ReconcileAsync_CancelledPendingOn2024_07_IsListedAndAdopted()
    {
        using var lookup = new LookupHarness(ApiGeneration.July2024);
        lookup.Server.Add("r-0", "cancelled_pending", secondsAgo: 8, new { n = 0 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(0));

        Assert.That(((Reconciliation.Created)found).Requests.Single().Id, Is.EqualTo("r-0"));
    }

    [TestCaseSource(nameof(Generations))]
    public async Task ReconcileAsync_EmptyWindow_NotCreatedAfterLookingTwiceAfterTheLag(ApiGeneration api)
    {
        using var lookup = new LookupHarness(api);

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.Multiple(() =>
        {
            Assert.That(found, Is.TypeOf<Reconciliation.NotCreated>());
            Assert.That(lookup.Time.Pauses, Is.EqualTo(new[] { LookupHarness.VisibilityDelay, LookupHarness.VisibilityDelay }));
            Assert.That(lookup.Server.Lists.Select(l => l.Status), Is.EqualTo(ListOrder.Concat(ListOrder)), "each status on its own, twice");
            Assert.That(lookup.Server.Collects, Is.Empty, "nothing to read");
        });
    }

    [Test]
    public async Task ReconcileAsync_RequestsOfOthersOutsideTheWindow_NotCreated()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("before", "pending", secondsAgo: 12, new { n = 1 });  // before the window (11.5 s ago)
        lookup.Server.Add("after", "pending", secondsAgo: -30, new { n = 1 });  // after the looks
        lookup.Server.Add("old", "completed", secondsAgo: 60, new { n = 1 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.Multiple(() =>
        {
            Assert.That(found, Is.TypeOf<Reconciliation.NotCreated>());
            Assert.That(lookup.Server.Collects, Is.Empty, "requests outside the window are never read");
        });
    }

    [Test]
    public async Task ReconcileAsync_RequestStoredAfterTheClientGaveUp_StillFound()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        // Given up 5 s ago; the server was still holding the call and stored it 1 s ago.
        lookup.Server.Add("late", "pending", secondsAgo: 1, new { n = 1 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.That(((Reconciliation.Created)found).Requests.Single().Id, Is.EqualTo("late"));
    }

    [Test]
    public async Task ReconcileAsync_NotBefore_NarrowsTheWindowsStart()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("earlier", "completed", secondsAgo: 9, new { n = 1 });
        lookup.Server.Add("earlier-pending", "pending", secondsAgo: 9, new { n = 1 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1), notBefore: lookup.Server.Now.AddSeconds(-8));

        Assert.Multiple(() =>
        {
            Assert.That(found, Is.TypeOf<Reconciliation.NotCreated>());
            Assert.That(lookup.Server.Lists.Where(l => l.Start is not null).Select(l => l.Start), Has.All.EqualTo(lookup.Server.Now.AddSeconds(-8)));
        });
    }

    [Test]
    public async Task ReconcileAsync_NotBeforeEarlierThanTheWindow_KeepsTheWindow()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);

        await lookup.LookUpAsync(LookupHarness.Inputs(1), notBefore: lookup.Server.Now.AddMinutes(-5));

        Assert.That(lookup.Server.Lists.Where(l => l.Start is not null).Select(l => l.Start), Has.All.EqualTo(lookup.Server.Now.AddSeconds(-11.5)));
    }

    [Test]
    public async Task ReconcileAsync_ClockLearntDuringTheFirstLook_SecondLookUsesIt()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        var learnt = false;
        lookup.Server.BeforeList = _ =>
        {
            if (!learnt)
            {
                // Another call's answer meanwhile: the server's clock is a minute ahead of ours.
                learnt = true;
                lookup.Facts.Clock.Observe(lookup.Server.Now.AddSeconds(-1), lookup.Server.Now, [lookup.Server.Now.AddSeconds(59.5)]);
            }
        };

        await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.That(lookup.Server.Lists.Where(l => l.Start is not null).Select(l => l.Start).Distinct(),
            Is.EqualTo(new[] { lookup.Server.Now.AddSeconds(-11.5), lookup.Server.Now.AddSeconds(48.5) }));
    }

    [TestCaseSource(nameof(Generations))]
    public async Task ReconcileAsync_OneInputFoundTheOtherNot_NotCreatedAndNothingAdopted(ApiGeneration api)
    {
        using var lookup = new LookupHarness(api);
        // Another producer's request holds input 1; nothing holds input 2, so the whole call made nothing.
        lookup.Server.Add("theirs", "pending", secondsAgo: 8, new { n = 1 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1, 2));

        Assert.That(found, Is.TypeOf<Reconciliation.NotCreated>());
    }

    [Test]
    public async Task ReconcileAsync_InputOnlyThisCallSent_DecidesForTheWholeCall()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("mine-1", "pending", secondsAgo: 8, new { n = 1 });
        lookup.Server.Add("mine-2", "pending", secondsAgo: 8, new { n = 2 });
        lookup.Server.Add("mine-3", "pending", secondsAgo: 8, new { n = 3 });
        // Another producer asked for 2 as well, a second later.
        lookup.Server.Add("theirs-2", "pending", secondsAgo: 7, new { n = 2 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1, 2, 3));

        Assert.That(((Reconciliation.Created)found).Requests.Select(r => r.Id), Is.EqualTo(new[] { "mine-1", "mine-2", "mine-3" }));
    }

    [Test]
    public async Task ReconcileAsync_SharedInputHeldTwiceInTheCallsInstant_OnlyThatInputUndecided()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("mine-1", "pending", secondsAgo: 8, new { n = 1 });
        lookup.Server.Add("mine-2", "pending", secondsAgo: 8, new { n = 2 });
        lookup.Server.Add("theirs-2", "completed", secondsAgo: 8, new { n = 2 });

        var found = (Reconciliation.Undecided)await lookup.LookUpAsync(LookupHarness.Inputs(1, 2));

        Assert.Multiple(() =>
        {
            Assert.That(found.Adopted.Select(r => r?.Id), Is.EqualTo(new[] { "mine-1", null }));
            Assert.That(found.Candidates[0], Is.Empty);
            Assert.That(found.Candidates[1], Is.EquivalentTo(new[] { "mine-2", "theirs-2" }));
        });
    }

    [Test]
    public async Task ReconcileAsync_SharedInputHeldOnlyOutsideTheCallsInstant_StaysUndecided()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("mine-1", "pending", secondsAgo: 8, new { n = 1 });
        // Input 2 is held once, but not by a request of the call's instant: another producer's.
        lookup.Server.Add("theirs-2", "pending", secondsAgo: 6, new { n = 2 });
        lookup.Server.Add("theirs-2b", "pending", secondsAgo: 5, new { n = 2 });

        var found = (Reconciliation.Undecided)await lookup.LookUpAsync(LookupHarness.Inputs(1, 2));

        Assert.That(found.Adopted.Select(r => r?.Id), Is.EqualTo(new[] { "mine-1", null }));
        Assert.That(found.Candidates[1], Is.EquivalentTo(new[] { "theirs-2", "theirs-2b" }));
    }

    [Test]
    public async Task ReconcileAsync_DecisiveInputsSpanTwoInstants_SharedInputsBetweenThemAreTheCalls()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        // A call stored over more than one instant: its unique inputs bound the span it was stored in.
        lookup.Server.Add("mine-1", "pending", secondsAgo: 9, new { n = 1 });
        lookup.Server.Add("mine-2", "pending", secondsAgo: 8.5, new { n = 2 });
        lookup.Server.Add("mine-3", "pending", secondsAgo: 8, new { n = 3 });
        lookup.Server.Add("theirs-2", "pending", secondsAgo: 7, new { n = 2 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1, 2, 3));

        Assert.That(((Reconciliation.Created)found).Requests.Select(r => r.Id), Is.EqualTo(new[] { "mine-1", "mine-2", "mine-3" }));
    }

    [Test]
    public async Task ReconcileAsync_EveryInputHeldOnceByAnother_TakenForTheCallsAsTheRecordsCannotTell()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        // The one case the records cannot tell: the call made nothing, and another producer's
        // requests hold every one of its inputs exactly as often. (README: "Lost answers".)
        lookup.Server.Add("theirs", "pending", secondsAgo: 8, new { n = 1 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.That(((Reconciliation.Created)found).Requests.Single().Id, Is.EqualTo("theirs"));
    }

    [Test]
    public async Task ReconcileAsync_AnotherProducersRequestsHoldTheSameInputs_UndecidedWithEveryHolder()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("mine", "pending", secondsAgo: 8, new { n = 1 });
        lookup.Server.Add("theirs", "completed", secondsAgo: 7, new { n = 1 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.That(((Reconciliation.Undecided)found).Candidates.Single(), Is.EquivalentTo(new[] { "mine", "theirs" }));
    }

    [Test]
    public async Task ReconcileAsync_KnownRequests_AreNeitherReadNorAdopted()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("earlier-batch", "completed", secondsAgo: 9, new { n = 1 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1), isKnown: id => id == "earlier-batch");

        Assert.Multiple(() =>
        {
            Assert.That(found, Is.TypeOf<Reconciliation.NotCreated>());
            Assert.That(lookup.Server.Collects, Is.Empty);
        });
    }

    [Test]
    public async Task ReconcileAsync_EqualInputsInOneCall_TakenInCreationOrder()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("second", "pending", secondsAgo: 7, new { n = 1 });
        lookup.Server.Add("first", "pending", secondsAgo: 8, new { n = 1 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1, 1));

        Assert.That(((Reconciliation.Created)found).Requests.Select(r => r.Id), Is.EqualTo(new[] { "first", "second" }));
    }

    [Test]
    public async Task ReconcileAsync_RequestDataNotSent_ReadsTheInputFileOfThatRequestOnly()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("r-0", "pending", secondsAgo: 8, new { n = 1 }, sendsRequestData: false);
        lookup.Server.Add("r-1", "pending", secondsAgo: 8, new { n = 2 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1, 2));

        Assert.Multiple(() =>
        {
            Assert.That(((Reconciliation.Created)found).Requests.Select(r => r.Id), Is.EqualTo(new[] { "r-0", "r-1" }));
            Assert.That(lookup.Server.InputReads, Is.EqualTo(new[] { "r-0" }));
        });
    }

    [TestCaseSource(nameof(Generations))]
    public async Task ReconcileAsync_RequestWhoseInputCannotBeRead_UndecidedNeverNotCreated(ApiGeneration api)
    {
        using var lookup = new LookupHarness(api);
        lookup.Server.Add("unknown", "completed", secondsAgo: 8, new { n = 9 }, sendsRequestData: false, hasInputFile: false);

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1, 2));

        Assert.That(((Reconciliation.Undecided)found).Candidates, Is.EqualTo(new[] { new[] { "unknown" }, new[] { "unknown" } }));
    }

    [Test]
    public void ReconcileAsync_InputFileAnswersAnotherError_TheLookUpFails()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("r-0", "pending", secondsAgo: 8, new { n = 1 }, sendsRequestData: false);
        lookup.Server.InputAnswer = HttpStatusCode.InternalServerError;

        var error = Assert.ThrowsAsync<UbiOpsApiException>(() => lookup.LookUpAsync(LookupHarness.Inputs(1)));

        Assert.That(error!.StatusCode, Is.EqualTo(500));
    }

    [Test]
    public async Task ReconcileAsync_RequestLeavesPendingWhileTheListsAreRead_StillFound()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("r-0", "pending", secondsAgo: 8, new { n = 1 });
        // It starts after the pending list was read: the processing list, read next, has it.
        lookup.Server.BeforeList = call =>
        {
            if (call.Status == "processing")
            {
                lookup.Server.Move("r-0", "processing");
            }
        };

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.That(((Reconciliation.Created)found).Requests.Single().Id, Is.EqualTo("r-0"));
    }

    [Test]
    public async Task ReconcileAsync_RequestFinishesWhileTheListsAreRead_StillFound()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("r-0", "processing", secondsAgo: 8, new { n = 1 });
        lookup.Server.BeforeList = call =>
        {
            if (call.Status == "cancelled_pending")
            {
                lookup.Server.Move("r-0", "failed");
            }
        };

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.That(((Reconciliation.Created)found).Requests.Single().Id, Is.EqualTo("r-0"));
    }

    [Test]
    public async Task ReconcileAsync_Today_NeverSendsDatesWithAnUnfinishedStatusNorASort()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);

        await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.Multiple(() =>
        {
            Assert.That(lookup.Server.Lists.Where(l => l.Status is "pending" or "processing" or "cancelled_pending").Select(l => (l.Start, l.End)),
                Has.All.EqualTo(((DateTimeOffset?)null, (DateTimeOffset?)null)));
            Assert.That(lookup.Server.Lists.Where(l => l.Status is "completed" or "failed" or "cancelled").Select(l => l.Start), Has.None.Null);
            Assert.That(lookup.Server.Lists.Select(l => l.Sort), Has.All.Null);
            Assert.That(lookup.Server.Lists.Select(l => l.Status), Has.None.Null, "a list without a status shows only completed requests today");
        });
    }

    [Test]
    public async Task ReconcileAsync_WindowEnd_IsTheMomentOfTheLookPlusTheClockSpread()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);

        await lookup.LookUpAsync(LookupHarness.Inputs(1));

        // The moment of each look (after 2 s, then 4 s of pauses), the server within 0.5 s, and 1 s of slack.
        var ends = lookup.Server.Lists.Where(l => l.End is not null).Select(l => l.End).Distinct();
        Assert.That(ends, Is.EqualTo(new DateTimeOffset?[] { lookup.Server.Now.AddSeconds(2 + 1.5), lookup.Server.Now.AddSeconds(4 + 1.5) }));
    }

    [Test]
    public async Task ReconcileAsync_SizesConfirmed_ReadsOnlyRequestsWhoseSizeFits()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Facts.Sizes.Observe(JToken.Parse("{\"n\":100}"), "{\"n\":100}".Length);
        lookup.Server.Add("same-size", "completed", secondsAgo: 8, new { n = 7 });
        lookup.Server.Add("other-size", "completed", secondsAgo: 8, new { n = 12345 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.Multiple(() =>
        {
            Assert.That(found, Is.TypeOf<Reconciliation.NotCreated>(), "the request that was read holds another input");
            Assert.That(lookup.Server.Collects.SelectMany(c => c).Distinct(), Is.EqualTo(new[] { "same-size" }));
        });
    }

    [Test]
    public async Task ReconcileAsync_SizesNotYetConfirmed_ReadsEveryRequestAndLearnsFromThem()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("other-size", "completed", secondsAgo: 8, new { n = 12345 });

        await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.Multiple(() =>
        {
            Assert.That(lookup.Server.Collects[0], Is.EqualTo(new[] { "other-size" }));
            Assert.That(lookup.Server.Collects, Has.Count.EqualTo(1), "the second look skips it: its size is not the call's");
            Assert.That(lookup.Facts.Sizes.Of([JToken.Parse("{\"n\":1}")]), Is.Not.Null, "what it read confirmed how the server counts");
        });
    }

    [Test]
    public async Task ReconcileAsync_CancelledPendingNotListableToday_OtherStatusesStillRead()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("r-0", "completed", secondsAgo: 8, new { n = 1 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.That(found, Is.TypeOf<Reconciliation.Created>());
    }

    [Test]
    public void ReconcileAsync_ListRefusedForAnotherStatus_TheLookUpFails()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.BeforeList = call =>
        {
            if (call.Status == "failed")
            {
                throw new InvalidOperationException("the server cannot list");
            }
        };

        Assert.CatchAsync(() => lookup.LookUpAsync(LookupHarness.Inputs(1)));
    }

    [Test]
    public async Task ReconcileAsync_WindowTooLongToRead_UndecidedNotNotCreated()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        // More pending requests after the window than the pages a list may take can hold.
        for (var i = 0; i < (ListPages.MaxPages * ListPages.PageSize) + 1; i++)
        {
            lookup.Server.Add($"later-{i}", "pending", secondsAgo: 0, new { n = -1 });
        }

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.That(((Reconciliation.Undecided)found).Candidates.Single(), Is.Empty);
    }

    [Test]
    public async Task ReconcileAsync_FirstLookTooLongToReadSecondWhole_DecidesOnTheSecond()
    {
        using var lookup = new LookupHarness(ApiGeneration.December2025);
        lookup.Server.Add("r-0", "pending", secondsAgo: 8, new { n = 1 });
        var later = Enumerable.Range(0, (ListPages.MaxPages * ListPages.PageSize) + 1).Select(i => $"later-{i}").ToList();
        foreach (var id in later)
        {
            lookup.Server.Add(id, "pending", secondsAgo: 0, new { n = -1 });
        }

        // The first look ends with the cancelled list; before the second, the later requests are gone.
        var looks = 0;
        lookup.Server.BeforeList = call =>
        {
            if (call.Status == "pending" && call.Offset == 0 && ++looks == 2)
            {
                later.ForEach(lookup.Server.Remove);
            }
        };

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.That(looks, Is.EqualTo(2));
        Assert.That(((Reconciliation.Created)found).Requests.Select(r => r.Id), Is.EqualTo(new[] { "r-0" }));
    }

    [Test]
    public void ReconcileAsync_ListOfAnotherStatusRefusedWith400_TheLookUpFails()
    {
        // Only cancelled_pending may be refused (today's list has no such status); any other refusal
        // means the window cannot be read.
        using var lookup = new LookupHarness(ApiGeneration.July2024);
        lookup.Server.RefuseList = call => call.Status == "processing";

        var error = Assert.CatchAsync<UbiOpsApiException>(() => lookup.LookUpAsync(LookupHarness.Inputs(1)));

        Assert.That(error!.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task ReconcileAsync_CancelledPendingRefusedWith400_LooksOnWithoutIt()
    {
        using var lookup = new LookupHarness(ApiGeneration.July2024);
        lookup.Server.RefuseList = call => call.Status == "cancelled_pending";
        lookup.Server.Add("r-0", "completed", secondsAgo: 8, new { n = 1 });

        var found = await lookup.LookUpAsync(LookupHarness.Inputs(1));

        Assert.That(((Reconciliation.Created)found).Requests.Single().Id, Is.EqualTo("r-0"));
    }
}
