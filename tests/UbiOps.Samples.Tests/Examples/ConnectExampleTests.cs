using UbiOps.Client;
using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests.Examples;

public sealed class ConnectExampleTests : EmulatorFixture
{
    [Test]
    public async Task Connect_EmulatorTokenAndAddress_ClientGetsAnswers()
    {
        var client = ConnectExample.Connect(Emulator.Token, Emulator.BaseUrl);

        var response = await client.Deployment(Project, "plain-echo").CreateAsync("ping");

        Assert.That(response.Result!.AsString(), Is.EqualTo("ping"));
    }

    [Test]
    public void Connect_WrongToken_ApiRefusesWith401()
    {
        var client = ConnectExample.Connect("not-the-emulator-token", Emulator.BaseUrl);

        // The API answers 401 with an ErrorResponse body, so the thrown type is the generic subclass.
        var refused = Assert.CatchAsync<UbiOpsApiException>(() => client.Deployment(Project, "plain-echo").CreateAsync("ping"));

        Assert.That(refused!.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task ConnectWithResilience_EmulatorTokenAndAddress_ClientGetsAnswers()
    {
        var client = ConnectExample.ConnectWithResilience(Emulator.Token, Emulator.BaseUrl);

        var response = await client.Deployment(Project, "plain-echo").CreateAsync("pong");

        Assert.That(response.Result!.AsString(), Is.EqualTo("pong"));
    }
}
