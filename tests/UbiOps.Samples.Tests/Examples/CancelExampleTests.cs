using UbiOps.Client;
using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests.Examples;

public sealed class CancelExampleTests : EmulatorFixture
{
    [Test]
    public async Task RunAsync_ThreeTenMinuteRequests_CancelledOneAndTwoAtOnceThenDeleted()
    {
        var results = await CancelExample.RunAsync(Client, Project);

        Assert.Multiple(() =>
        {
            Assert.That(results.Final, Has.Count.EqualTo(3).And.All.EqualTo(RequestStatus.Cancelled));
            Assert.That(results.GoneAfterDelete, Is.EqualTo(3));
        });
    }
}
