using UbiOps.Client;
using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests.Examples;

public sealed class ListWithFiltersExampleTests : EmulatorFixture
{
    private ListWithFiltersResults _results = null!;

    [OneTimeSetUp]
    public async Task RunExampleAsync()
    {
        // A completed request on the same deployment's neighbour must not match the filter.
        await Client.Deployment(Project, "echo").CreateAsync(RequestInput.FromObject(new { noise = true }));
        _results = await ListWithFiltersExample.RunAsync(Client, Project);
    }

    [Test]
    public void RunAsync_FailedInTheLastHour_ListsExactlyTheFailedRequestsNewestFirst()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_results.All.Select(r => r.Id), Is.EqualTo(_results.RequestIds.Reverse()));
            Assert.That(_results.All.Select(r => r.Status), Has.All.EqualTo(RequestStatus.Failed));
            Assert.That(_results.All.Select(r => r.TimeCreated), Is.Ordered.Descending);
        });
    }

    [Test]
    public void RunAsync_PageSizeTwo_FirstPageHoldsTheTwoNewest()
    {
        Assert.That(_results.FirstPage.Select(r => r.Id), Is.EqualTo(_results.RequestIds.Reverse().Take(2)));
    }
}
