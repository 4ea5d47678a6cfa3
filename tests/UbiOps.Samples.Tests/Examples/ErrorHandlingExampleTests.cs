using UbiOps.Client;
using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests.Examples;

public sealed class ErrorHandlingExampleTests : EmulatorFixture
{
    private ErrorHandlingResults _results = null!;

    [OneTimeSetUp]
    public async Task RunExampleAsync() => _results = await ErrorHandlingExample.RunAsync(Client, Project);

    [Test]
    public void RunAsync_UnknownDeployment_CaughtWith404AndTheServersError()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_results.StatusCode, Is.EqualTo(404));
            Assert.That(_results.Error, Does.Contain("no-such-deployment"));
        });
    }

    [Test]
    public void RunAsync_FailingDeployment_AnswersFailedWithAMessage()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_results.FailedStatus, Is.EqualTo(RequestStatus.Failed));
            Assert.That(_results.FailedMessage, Does.Contain("always fails"));
        });
    }
}
