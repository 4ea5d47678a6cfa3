using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests.Examples;

public sealed class BatchAndWaitExampleTests : EmulatorFixture
{
    private BatchAndWaitResults _results = null!;

    [OneTimeSetUp]
    public async Task RunExampleAsync() => _results = await BatchAndWaitExample.RunAsync(Client, Project);

    [Test]
    public void RunAsync_600Inputs_OneRequestCreatedPerInput()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_results.Inputs, Has.Count.EqualTo(600));
            Assert.That(_results.Created, Has.Count.EqualTo(600));
            Assert.That(_results.Created.Select(r => r.Id), Is.Unique);
        });
    }

    [Test]
    public void RunAsync_Wait_YieldsEveryCreatedRequestOnceCompleted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_results.Finished.Select(r => r.Id), Is.EquivalentTo(_results.Created.Select(r => r.Id)));
            Assert.That(_results.Finished.Select(r => r.Status), Has.All.EqualTo(RequestStatus.Completed));
        });
    }

    [Test]
    public void RunAsync_CreatedRequests_AreInInputOrderAndEchoTheirInput()
    {
        var finishedById = _results.Finished.ToDictionary(r => r.Id);
        for (var i = 0; i < _results.Inputs.Count; i++)
        {
            var request = finishedById[_results.Created[i].Id];
            var input = _results.Inputs[i].ToJson();
            Assert.That(JToken.DeepEquals(request.RequestData!.AsJson(), input) && JToken.DeepEquals(request.Result!.AsJson(), input), Is.True,
                $"Request {i} ({request.Id}) had input {request.RequestData} and result {request.Result}, expected {input} for both.");
        }
    }
}
