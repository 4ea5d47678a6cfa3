using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client.Tests.Payloads;

public class RequestInputTests
{
    private sealed class Measurement
    {
        [JsonProperty("input_field_1")]
        public double Value { get; set; }

        [JsonProperty("label")]
        public string Label { get; set; } = "";
    }

    [Test]
    public void Serialize_PlainInput_IsJsonString()
    {
        RequestInput input = "hello \"world\"";

        Assert.That(JsonConvert.SerializeObject(input), Is.EqualTo("\"hello \\\"world\\\"\""));
        Assert.That(input.IsPlain, Is.True);
        Assert.That(input.IsStructured, Is.False);
    }

    [Test]
    public void Serialize_DictionaryInput_IsJsonObject()
    {
        var input = RequestInput.FromObject(new Dictionary<string, object> { ["input-field-1"] = 5.0, ["input-field-2"] = "N" });

        Assert.That(JsonConvert.SerializeObject(input), Is.EqualTo("{\"input-field-1\":5.0,\"input-field-2\":\"N\"}"));
        Assert.That(input.IsStructured, Is.True);
    }

    [Test]
    public void FromObject_SerializableClass_UsesItsJsonNames()
    {
        var input = RequestInput.FromObject(new Measurement { Value = 2.5, Label = "a" });

        Assert.That(input.ToString(), Is.EqualTo("{\"input_field_1\":2.5,\"label\":\"a\"}"));
    }

    [Test]
    public void ImplicitConversion_JObject_IsStructuredCopy()
    {
        var fields = new JObject { ["x"] = 1 };
        RequestInput input = fields;
        fields["x"] = 2;

        Assert.That(input.Fields!["x"]!.Value<int>(), Is.EqualTo(1), "changing the source afterwards must not change the input");
    }

    [TestCase(42)]
    [TestCase(true)]
    public void FromObject_NotAJsonObject_ThrowsArgumentException(object value)
    {
        var error = Assert.Throws<ArgumentException>(() => RequestInput.FromObject(value));
        Assert.That(error!.ParamName, Is.EqualTo("value"));
    }

    [Test]
    public void FromObject_List_ThrowsArgumentExceptionNamingTheJsonType()
    {
        var error = Assert.Throws<ArgumentException>(() => RequestInput.FromObject(new[] { 1, 2 }));
        Assert.That(error!.Message, Does.Contain("array"));
    }

    [Test]
    public void FromJson_StringAndObject_BecomePlainAndStructured()
    {
        Assert.That(RequestInput.FromJson("\"text\"").Text, Is.EqualTo("text"));
        Assert.That(RequestInput.FromJson("{\"a\":1}").IsStructured, Is.True);
        Assert.Throws<ArgumentException>(() => RequestInput.FromJson("[1]"));
        Assert.Throws<ArgumentException>(() => RequestInput.FromJson("{not json"));
    }

    [Test]
    public void Deserialize_StringAndObject_RoundTrip()
    {
        var inputs = JsonConvert.DeserializeObject<RequestInput[]>("[\"a\", {\"b\": 1}]")!;

        Assert.That(inputs[0], Is.EqualTo((RequestInput)"a"));
        Assert.That(inputs[1], Is.EqualTo((RequestInput)new JObject { ["b"] = 1 }));
    }

    [Test]
    public void Deserialize_Number_ThrowsJsonSerializationException()
    {
        Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<RequestInput>("5"));
    }

    [Test]
    public void Equals_PlainAndStructuredWithSameText_AreDifferent()
    {
        Assert.That(RequestInput.Plain("{}"), Is.Not.EqualTo(RequestInput.FromJson("{}")));
    }
}
