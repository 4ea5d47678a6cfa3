namespace UbiOps.Client.Tests.Filtering;

/// <summary>
/// Reading a whole list while others change it: every request that stays in the list is read
/// exactly once, whatever requests before it come and go between pages.
/// </summary>
public class ListPagesTests
{
    private static readonly RequestFilter Pending = new() { Status = RequestStatus.Pending };

    private static (ApiMock Api, FakeRequestsServer Server, ListPages Pages) Start(int requests)
    {
        var api = new ApiMock();
        var server = new FakeRequestsServer(api, ApiGeneration.July2024, DateTimeOffset.UnixEpoch.AddYears(50));
        for (var i = 0; i < requests; i++)
        {
            server.Add($"r-{i:D4}", "pending", secondsAgo: requests - i, new { n = i });
        }

        return (api, server, new ListPages(new RequestRoute(api.Client.Raw, "proj", "echo", null)));
    }

    [Test]
    public async Task ReadAsync_EmptyList_OneCallAndComplete()
    {
        var (api, server, pages) = Start(0);
        using var _ = api;

        var (requests, complete) = await pages.ReadAsync(Pending, _ => false, CancellationToken.None);

        Assert.That((requests.Count, complete, server.Lists.Count), Is.EqualTo((0, true, 1)));
    }

    [Test]
    public async Task ReadAsync_SixHundred_PagesOverlapAndEndAtAShortPageOfRequestsAlreadyRead()
    {
        var (api, server, pages) = Start(600);
        using var _ = api;

        var (requests, complete) = await pages.ReadAsync(Pending, _ => false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(requests.Select(r => r.Id), Is.EqualTo(Enumerable.Range(0, 600).Reverse().Select(i => $"r-{i:D4}")), "each once, newest first");
            Assert.That(complete, Is.True);
            Assert.That(server.Lists.Select(l => (l.Offset, l.Limit)), Is.EqualTo(new[] { (0, 250), (225, 250), (450, 250), (575, 250) }));
        });
    }

    [TestCase(1, 2)]
    [TestCase(2, 2)]
    [TestCase(3, 2)]
    [TestCase(250, 2)]
    [TestCase(251, 3)]
    public async Task ReadAsync_SmallLists_EndAfterOneMoreCall(int count, int calls)
    {
        var (api, server, pages) = Start(count);
        using var _ = api;

        var (requests, complete) = await pages.ReadAsync(Pending, _ => false, CancellationToken.None);

        Assert.That((requests.Count, complete, server.Lists.Count), Is.EqualTo((count, true, calls)));
    }

    [Test]
    public async Task ReadAsync_RequestsBeforeTheNextPageLeaveMeanwhile_NoneThatStaysIsMissed()
    {
        var (api, server, pages) = Start(600);
        using var _ = api;
        // After the first page, 40 of the requests it read leave the list (started, say): the
        // rest slide back by more than the overlap.
        server.BeforeList = call =>
        {
            if (server.Lists.Count == 2)
            {
                for (var i = 599; i > 559; i--)
                {
                    server.Remove($"r-{i:D4}");
                }
            }
        };

        var (requests, complete) = await pages.ReadAsync(Pending, _ => false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(requests.Select(r => r.Id), Is.Unique);
            Assert.That(requests.Select(r => r.Id), Is.SupersetOf(Enumerable.Range(0, 560).Select(i => $"r-{i:D4}")));
            Assert.That(complete, Is.True);
            Assert.That(server.Lists[2].Offset, Is.EqualTo(0), "the page after the shift held nothing already read: read again from further back");
        });
    }

    [Test]
    public async Task ReadAsync_EveryRequestReadLeavesBeforeTheNextPage_ReadsTheRestFromTheStart()
    {
        var (api, server, pages) = Start(600);
        using var _ = api;
        // A queue drains while it is read: after the first page, everything read so far (and more) has
        // moved on; each page read again from further back finds none of it either.
        server.BeforeList = call =>
        {
            if (server.Lists.Count == 2)
            {
                for (var i = 599; i >= 300; i--)
                {
                    server.Remove($"r-{i:D4}");
                }
            }
        };

        var (requests, complete) = await pages.ReadAsync(Pending, _ => false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(complete, Is.True);
            Assert.That(requests.Select(r => r.Id), Is.SupersetOf(Enumerable.Range(0, 300).Select(i => $"r-{i:D4}")), "every request still waiting");
            Assert.That(server.Lists.Select(l => l.Offset).Take(3), Is.EqualTo(new[] { 0, 225, 0 }));
        });
    }

    [Test]
    public async Task ReadAsync_ManyRequestsAddedBeforeTheNextPage_ReadsOnToTheEnd()
    {
        var (api, server, pages) = Start(600);
        using var _ = api;
        server.BeforeList = call =>
        {
            if (server.Lists.Count == 2)
            {
                for (var i = 0; i < 300; i++)
                {
                    server.Add($"new-{i:D4}", "pending", secondsAgo: -1, new { n = -i });
                }
            }
        };

        var (requests, complete) = await pages.ReadAsync(Pending, _ => false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(requests.Select(r => r.Id), Is.SupersetOf(Enumerable.Range(0, 600).Select(i => $"r-{i:D4}")));
            Assert.That(requests.Select(r => r.Id), Is.Unique);
            Assert.That(complete, Is.True);
        });
    }

    [Test]
    public async Task ReadAsync_ServerCapsThePageSize_ReadsOnUntilAShorterPage()
    {
        var (api, server, pages) = Start(230);
        using var _ = api;
        server.MaxLimit = 100;

        var (requests, complete) = await pages.ReadAsync(Pending, _ => false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(requests, Has.Count.EqualTo(230));
            Assert.That(complete, Is.True);
            Assert.That(server.Lists.Select(l => l.Offset), Is.EqualTo(new[] { 0, 75, 150, 205 }));
        });
    }

    [Test]
    public async Task ReadAsync_EndReached_StopsWithoutReadingFurther()
    {
        var (api, server, pages) = Start(600);
        using var _ = api;

        var (requests, complete) = await pages.ReadAsync(Pending, r => r.Id == "r-0500", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(complete, Is.True);
            Assert.That(server.Lists, Has.Count.EqualTo(1));
            Assert.That(requests, Has.Count.EqualTo(250), "the page that reached the end is kept whole");
        });
    }

    [Test]
    public async Task ReadAsync_LongerThanMaxPages_Incomplete()
    {
        var (api, server, pages) = Start((ListPages.MaxPages * (ListPages.PageSize - ListPages.Overlap)) + ListPages.PageSize);
        using var _ = api;

        var (_, complete) = await pages.ReadAsync(Pending, _ => false, CancellationToken.None);

        Assert.That((complete, server.Lists.Count), Is.EqualTo((false, ListPages.MaxPages)));
    }

    [Test]
    public async Task ReadAsync_EveryCall_IsToldAndKeepsTheFilter()
    {
        var (api, server, _) = Start(300);
        using var __ = api;
        var calls = 0;
        var pages = new ListPages(new RequestRoute(api.Client.Raw, "proj", "echo", null), () => calls++);

        await pages.ReadAsync(Pending, _ => false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.EqualTo(server.Lists.Count));
            Assert.That(server.Lists.Select(l => l.Status), Has.All.EqualTo("pending"));
        });
    }
}
