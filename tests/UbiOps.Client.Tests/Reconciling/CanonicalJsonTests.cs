using Newtonsoft.Json.Linq;

namespace UbiOps.Client.Tests.Reconciling;

/// <summary>
/// <see cref="CanonicalJson"/> gives one text per JSON value: properties sorted at every depth,
/// integral numbers written as integers, other numbers round-trip.
/// </summary>
public sealed class CanonicalJsonTests
{
    [Test]
    public void Of_NestedObjectsAndArrays_SortsPropertiesAtEveryDepthAndKeepsArrayOrder()
    {
        var text = CanonicalJson.Of(JToken.Parse("{\"b\": 1, \"a\": [3, 2, {\"d\": null, \"c\": true}], \"C\": \"x\"}"));

        Assert.That(text, Is.EqualTo("{\"C\":\"x\",\"a\":[3,2,{\"c\":true,\"d\":null}],\"b\":1}"));
    }

    [Test]
    public void Of_NestedObjectFollowedByAProperty_ClosesTheNestedObjectFirst()
    {
        Assert.That(CanonicalJson.Of(JToken.Parse("{\"c\": 2, \"a\": {\"b\": 1}}")), Is.EqualTo("{\"a\":{\"b\":1},\"c\":2}"));
    }

    [TestCase("1.0", "1")]
    [TestCase("-42.0", "-42")]
    [TestCase("1.5", "1.5")]
    [TestCase("0.1", "0.1")]
    [TestCase("1e15", "1000000000000000")]
    [TestCase("1e17", "1E+17")]
    [TestCase("-1e17", "-1E+17")]
    [TestCase("999999999999999.0", "999999999999999")]
    public void Of_Float_IntegralValuesBelow1e15AsIntegersOthersRoundTrip(string json, string expected)
    {
        Assert.That(CanonicalJson.Of(JToken.Parse(json)), Is.EqualTo(expected));
    }

    [Test]
    public void Of_SameValueSpelledDifferently_SameText()
    {
        Assert.That(CanonicalJson.Of(JToken.Parse("{\"n\": 1.0, \"m\": [2]}")), Is.EqualTo(CanonicalJson.Of(JToken.Parse("{\"m\":[2.0],\"n\":1}"))));
    }

    [Test]
    public void Of_Null_IsTheJsonNull()
    {
        Assert.That(CanonicalJson.Of((JToken?)null), Is.EqualTo("null"));
    }

    [Test]
    public void Of_PlainInput_IsItsJsonString()
    {
        Assert.That(CanonicalJson.Of(RequestInput.Plain("a \"b\"")), Is.EqualTo("\"a \\\"b\\\"\""));
    }
}
