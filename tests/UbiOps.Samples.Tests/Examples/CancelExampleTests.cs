using UbiOps.Client;
using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests.Examples;

public sealed class CancelExampleTests : EmulatorFixture
{
    [Test]
    public async Task RunAsync_TenMinuteRequest_CancelledThenDeleted()
    {
        var results = await CancelExample.RunAsync(Client, Project);

        Assert.Multiple(() =>
        {
            // Pending when the cancel arrived: cancelled at once; already processing: cancelled_pending first.
            Assert.That(results.AfterCancel, Is.AnyOf(RequestStatus.Cancelled, RequestStatus.CancelledPending));
            Assert.That(results.Final, Is.EqualTo(RequestStatus.Cancelled));
            Assert.That(results.GoneAfterDelete, Is.True);
        });
    }
}
