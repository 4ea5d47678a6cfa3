using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests.Examples;

public sealed class DirectRequestExampleTests : EmulatorFixture
{
    private DirectRequestResults _results = null!;

    [OneTimeSetUp]
    public async Task RunExampleAsync() => _results = await DirectRequestExample.RunAsync(Client, Project);

    [Test]
    public void RunAsync_StructuredInputToDefaultVersion_AnsweredByV1WithTheInputEchoed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_results.DefaultVersion.Version, Is.EqualTo("v1"));
            Assert.That(_results.DefaultVersion.Status, Is.EqualTo(RequestStatus.Completed));
            Assert.That(_results.Weather, Is.EqualTo(new Weather("Utrecht", 21.5)));
        });
    }

    [Test]
    public void RunAsync_ExplicitVersion_AnsweredByV2()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_results.ExplicitVersion.Version, Is.EqualTo("v2"));
            Assert.That(JToken.DeepEquals(_results.ExplicitVersion.Result!.AsJson(), new JObject { ["city"] = "Delft" }), Is.True,
                $"v2 answered {_results.ExplicitVersion.Result}");
        });
    }

    [Test]
    public void RunAsync_PlainInput_PlainTextComesBack()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_results.Plain.Result!.IsPlain, Is.True);
            Assert.That(_results.PlainText, Is.EqualTo("hello"));
        });
    }
}
