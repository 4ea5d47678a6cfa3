using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client.Tests.Payloads;

public class RequestOutputTests
{
    private sealed class Prediction
    {
        [JsonProperty("score")]
        public double Score { get; set; }
    }

    [Test]
    public void Output_PlainResult_ReadsAsString()
    {
        var detail = JsonConvert.DeserializeObject<DeploymentRequestBatchDetail>(
            ApiMock.Detail("r1", "completed", result: "2020-03-28T20:00:26+00:00").ToString(), JsonDefaults.Create())!;

        Assert.That(detail.Result!.IsPlain, Is.True);
        Assert.That(detail.Result.AsString(), Is.EqualTo("2020-03-28T20:00:26+00:00"), "a date-like result stays the text the deployment produced");
    }

    [Test]
    public void Output_StructuredResult_ConvertsToClassAndJson()
    {
        var detail = JsonConvert.DeserializeObject<DeploymentRequestBatchDetail>(
            ApiMock.Detail("r1", "completed", result: new { score = 0.75 }).ToString())!;

        Assert.That(detail.Result!.IsStructured, Is.True);
        Assert.That(detail.Result.As<Prediction>()!.Score, Is.EqualTo(0.75));
        Assert.That(detail.Result.AsJson()["score"]!.Value<double>(), Is.EqualTo(0.75));
        Assert.That(detail.Result.AsString(), Is.EqualTo("{\"score\":0.75}"));
    }

    [Test]
    public void Output_NoResult_IsNull()
    {
        var detail = JsonConvert.DeserializeObject<DeploymentRequestBatchDetail>(ApiMock.Detail("r1", "pending").ToString())!;

        Assert.That(detail.Result, Is.Null);
    }

    [Test]
    public void Serialize_Model_LeavesOutHandwrittenProperties()
    {
        var detail = JsonConvert.DeserializeObject<DeploymentRequestBatchDetail>(ApiMock.Detail("r1", "completed", result: "x").ToString())!;

        var json = JObject.Parse(JsonConvert.SerializeObject(detail));

        Assert.That(json.Properties().Select(p => p.Name), Has.None.EqualTo("Output").And.None.EqualTo("RequestStatus"));
        Assert.That(json["result"]!.Value<string>(), Is.EqualTo("x"));
    }
}
