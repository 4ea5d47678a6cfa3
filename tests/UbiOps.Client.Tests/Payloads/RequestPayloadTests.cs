using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client.Tests.Payloads;

public class RequestPayloadTests
{
    private sealed class Prediction
    {
        [JsonProperty("score")]
        public double Score { get; set; }
    }

    [Test]
    public void Result_PlainResult_ReadsAsString()
    {
        var detail = JsonConvert.DeserializeObject<DeploymentRequestBatchDetail>(
            ApiMock.Detail("r1", "completed", result: "2020-03-28T20:00:26+00:00").ToString(), JsonDefaults.Create())!;

        Assert.That(detail.Result!.IsPlain, Is.True);
        Assert.That(detail.Result.AsString(), Is.EqualTo("2020-03-28T20:00:26+00:00"), "a date-like result stays the text the deployment produced");
    }

    [Test]
    public void Result_StructuredResult_ConvertsToClassAndJson()
    {
        var detail = JsonConvert.DeserializeObject<DeploymentRequestBatchDetail>(
            ApiMock.Detail("r1", "completed", result: new { score = 0.75 }).ToString())!;

        Assert.That(detail.Result!.IsStructured, Is.True);
        Assert.That(detail.Result.As<Prediction>()!.Score, Is.EqualTo(0.75));
        Assert.That(detail.Result.AsJson()["score"]!.Value<double>(), Is.EqualTo(0.75));
        Assert.That(detail.Result.AsString(), Is.EqualTo("{\"score\":0.75}"));
    }

    [Test]
    public void Result_NoResult_IsNull()
    {
        var detail = JsonConvert.DeserializeObject<DeploymentRequestBatchDetail>(ApiMock.Detail("r1", "pending").ToString())!;

        Assert.That(detail.Result, Is.Null);
    }

    [Test]
    public void Serialize_Model_WritesPayloadsAsTheJsonTheyHold()
    {
        var detail = JsonConvert.DeserializeObject<DeploymentRequestBatchDetail>(
            ApiMock.Detail("r1", "completed", result: new { y = new[] { 1, 2 } }).ToString())!;

        var json = JObject.Parse(JsonConvert.SerializeObject(detail));

        Assert.That(json["result"]!.ToString(Formatting.None), Is.EqualTo("{\"y\":[1,2]}"));
        Assert.That(json["status"]!.Value<string>(), Is.EqualTo("completed"));
    }

    [Test]
    public void Result_NumberResult_IsKeptNeitherPlainNorStructured()
    {
        var detail = JsonConvert.DeserializeObject<DeploymentRequestBatchDetail>(ApiMock.Detail("r1", "completed", result: 42).ToString())!;

        Assert.That((detail.Result!.IsPlain, detail.Result.IsStructured), Is.EqualTo((false, false)));
        Assert.That(detail.Result.As<int>(), Is.EqualTo(42));
        Assert.That(detail.Result.AsString(), Is.EqualTo("42"));
    }

    [TestCase("\"hello\"", "hello", true)]
    [TestCase("\"hello\"", "Hello", false)]
    [TestCase("{\"a\":1,\"b\":[true]}", "{\"b\":[true],\"a\":1}", true)]
    [TestCase("{\"a\":1}", "{\"a\":1.5}", false)]
    [TestCase("{\"a\":\"1\"}", "{\"a\":1}", false)]
    public void Matches_StoredDataAndInput_ComparesTheirJson(string stored, string input, bool expected)
    {
        var payload = RequestPayload.Parse(stored);
        var candidate = input.StartsWith('{') ? RequestInput.FromJson(input) : RequestInput.Plain(input);

        Assert.That(payload.Matches(candidate), Is.EqualTo(expected));
    }

    [Test]
    public void Matches_PlainInputAgainstStructuredData_IsFalse()
    {
        Assert.That(RequestPayload.Parse("{\"text\":\"x\"}").Matches("x"), Is.False);
        Assert.That(RequestPayload.Parse("\"{}\"").Matches(new JObject()), Is.False);
    }

    [Test]
    public void Parse_JsonNull_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => RequestPayload.Parse("null"));

        Assert.That(error!.ParamName, Is.EqualTo("json"));
    }

    [TestCase("{\"a\":1} trailing")]
    [TestCase("/* comment */ {\"a\":1}")]
    [TestCase("{\"a\":")]
    public void Parse_NotOneStandardJsonValue_ThrowsArgumentException(string text)
    {
        Assert.Throws<ArgumentException>(() => RequestPayload.Parse(text));
    }

    [Test]
    public void FromJson_LaterChangeToSource_DoesNotChangePayload()
    {
        var source = new JObject { ["a"] = 1 };
        var payload = RequestPayload.FromJson(source);

        source["a"] = 2;
        payload.AsJson()["a"] = 3;

        Assert.That(payload.AsString(), Is.EqualTo("{\"a\":1}"));
    }

    [Test]
    public void Equals_SameJson_AreEqualWithSameHash()
    {
        var one = RequestPayload.Parse("{\"a\":[1,2]}");
        var other = RequestPayload.Parse("{ \"a\": [1, 2] }");

        Assert.That(one, Is.EqualTo(other));
        Assert.That(one.GetHashCode(), Is.EqualTo(other.GetHashCode()));
        Assert.That(one, Is.Not.EqualTo(RequestPayload.Parse("{\"a\":[2,1]}")));
    }
}
