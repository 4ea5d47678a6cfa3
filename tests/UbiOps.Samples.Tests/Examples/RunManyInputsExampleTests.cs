using Newtonsoft.Json.Linq;
using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests.Examples;

public sealed class RunManyInputsExampleTests : EmulatorFixture
{
    private RunManyInputsResults _results = null!;

    [OneTimeSetUp]
    public async Task RunExampleAsync() => _results = await RunManyInputsExample.RunAsync(Client, Project);

    [Test]
    public void RunAsync_1000Inputs_OneOutcomePerInputInInputOrder()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_results.Inputs, Has.Count.EqualTo(1000));
            Assert.That(_results.Outcomes.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, 1000).Select(i => (long)i)));
            Assert.That(_results.Outcomes.Select(o => o.RequestId), Is.Unique);
        });
    }

    [Test]
    public void RunAsync_Echo_EveryResultEqualsItsInput()
    {
        Assert.That(_results.Outcomes.Select(o => o.Succeeded), Has.All.True);
        for (var i = 0; i < _results.Outcomes.Count; i++)
        {
            var expected = _results.Inputs[i].ToJson();
            var actual = _results.Outcomes[i].Result!.AsJson();
            Assert.That(JToken.DeepEquals(actual, expected), Is.True, $"Outcome {i} is {actual}, expected {expected}.");
        }
    }
}
