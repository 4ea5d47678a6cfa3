using NUnit.Framework;
using UbiOps.Client;

// The package README's xUnit example, run here without an xUnit runner: the fixture's lifetime as
// xUnit drives it (InitializeAsync, the test, DisposeAsync), so the example is run, not only compiled.
public sealed class NUnitRunsTheXunitExample
{
    [Test]
    public async Task XunitFixture_AroundItsTest_StartsServesAndStopsTheEmulator()
    {
        var fixture = new EmulatorFixture();
        await fixture.InitializeAsync();
        string baseUrl = fixture.Emulator.BaseUrl;
        try
        {
            await new DoubleDeploymentTests(fixture).CreateAsync_Double_AnswersTwiceTheInput();
            Assert.That(fixture.Emulator.TotalExecutions, Is.EqualTo(1));
        }
        finally
        {
            await fixture.DisposeAsync();
        }

        // Disposed: nothing listens any more.
        using var http = new HttpClient();
        Assert.That(async () => await http.GetAsync(baseUrl), Throws.InstanceOf<HttpRequestException>());
    }
}
