using Newtonsoft.Json.Linq;

namespace UbiOps.Client.Tests.Reconciling;

/// <summary>How the server counts input sizes is learnt from requests seen, and rules nothing out before it is known.</summary>
public class InputSizesTests
{
    private static readonly JToken Structured = JToken.Parse("""{"city":"Délft","t":[1,2]}""");

    [Test]
    public void Of_NothingSeen_IsNull()
    {
        Assert.That(new InputSizes().Of([Structured]), Is.Null);
    }

    [TestCase("""{"city":"Délft","t":[1,2]}""", Description = "compact, UTF-8: what .NET and the emulator count")]
    [TestCase("""{"city":"D\u00e9lft","t":[1,2]}""", Description = "compact, non-ASCII escaped")]
    [TestCase("""{"city": "Délft", "t": [1, 2]}""", Description = "Python's json.dumps spacing, UTF-8")]
    [TestCase("""{"city": "D\u00e9lft", "t": [1, 2]}""", Description = "Python's json.dumps default")]
    public void Of_ServerCountsOneWay_GivesThatSizeAfterOneRequest(string serverText)
    {
        var size = System.Text.Encoding.UTF8.GetByteCount(serverText);
        var sizes = new InputSizes();
        sizes.Observe(Structured, size);

        Assert.That(sizes.Of([Structured]), Is.EquivalentTo(new long[] { size }));
    }

    [Test]
    public void Of_ObservedAsciiOnly_KeepsBothEscapingsUntilTold()
    {
        var sizes = new InputSizes();
        sizes.Observe(JToken.Parse("""{"a":1}"""), 7);

        // Compact with and without escaping agree on ASCII: a non-ASCII input may be either.
        Assert.That(sizes.Of([Structured]), Is.EquivalentTo(new long[] { Bytes("""{"city":"Délft","t":[1,2]}"""), Bytes("""{"city":"D\u00e9lft","t":[1,2]}""") }));
    }

    private static long Bytes(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

    [Test]
    public void Of_PlainText_CountedAsJsonStringOrBareText()
    {
        var json = new InputSizes();
        json.Observe(new JValue("abc"), 5);
        var bare = new InputSizes();
        bare.Observe(new JValue("abc"), 3);

        Assert.Multiple(() =>
        {
            Assert.That(json.Of([new JValue("héllo")]), Is.EquivalentTo(new long[] { 8, 12 }), "quoted, é as UTF-8 or escaped");
            Assert.That(bare.Of([new JValue("héllo")]), Is.EquivalentTo(new long[] { 6 }));
        });
    }

    [Test]
    public void Observe_ServerCountsNoKnownWay_SizesRuleNothingOut()
    {
        var sizes = new InputSizes();
        sizes.Observe(JToken.Parse("""{"a":1}"""), 7);
        sizes.Observe(JToken.Parse("""{"a":1}"""), 99);

        Assert.That(sizes.Of([Structured]), Is.Null);
    }

    [Test]
    public void Of_NumbersAsTheServerParsesThem_TrailingZerosDoNotCount()
    {
        var sizes = new InputSizes();
        sizes.Observe(JToken.Parse("""{"a":1}"""), 7);

        // 2.50 is sent, and kept by the server as the number 2.5.
        Assert.That(sizes.Of([JToken.Parse("""{"a":2.50}""")]), Is.EquivalentTo(new long[] { 9 }));
    }

    [Test]
    public void Of_SeveralInputs_EverySizeAnyCouldHave()
    {
        var sizes = new InputSizes();
        sizes.Observe(JToken.Parse("""{"a":1}"""), 7);

        Assert.That(sizes.Of([JToken.Parse("""{"a":1}"""), JToken.Parse("""{"a":100}""")]), Is.EquivalentTo(new long[] { 7, 9 }));
    }
}
