using System.Net;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

public sealed class RateLimitTests
{
    [Test]
    public async Task RateLimit_OverTheLimit_Is429WithHeadersAndNothingRuns()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.RateLimit = RateLimitOptions.Parse("3/min"));
        using var http = TestEmulator.Raw(emulator);
        var url = TestEmulator.Deployment(emulator, "echo");

        var allowed = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add(await http.PostAsync(url, new StringContent("{}", System.Text.Encoding.UTF8, "application/json")));
        }

        var throttled = await http.PostAsync(url, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(allowed.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(allowed.Select(a => Header(a, "x-ratelimit-remaining")), Is.EqualTo(new[] { 2, 1, 0 }));
        Assert.That(allowed.Select(a => Header(a, "x-ratelimit-limit")), Is.All.EqualTo(3));
        Assert.That(Header(allowed[0], "x-ratelimit-reset"), Is.InRange(1, 60));
        Assert.That(throttled.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Header(throttled, "x-ratelimit-remaining"), Is.EqualTo(0));
        Assert.That(Header(throttled, "x-ratelimit-reset"), Is.InRange(1, 60));
        Assert.That(throttled.Headers.RetryAfter, Is.Not.Null);
        Assert.That(JObject.Parse(await throttled.Content.ReadAsStringAsync())["error"]!.Value<string>(), Does.Contain("throttled"));
        Assert.That(emulator.TotalExecutions, Is.EqualTo(3), "the throttled call ran nothing");
    }

    [Test]
    public async Task RateLimit_Off_SendsNoHeaders()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var http = TestEmulator.Raw(emulator);

        var answer = await http.GetAsync(TestEmulator.Deployment(emulator, "echo"));

        Assert.That(answer.Headers.Contains("x-ratelimit-limit"), Is.False);
    }

    [TestCase("300/min", 300, 60)]
    [TestCase("10/s", 10, 1)]
    [TestCase("100/10s", 100, 10)]
    [TestCase("5000/hour", 5000, 3600)]
    public void Parse_ValidText_GivesLimitAndWindow(string text, int limit, int seconds)
    {
        var options = RateLimitOptions.Parse(text);

        Assert.That((options.PermitLimit, options.Window), Is.EqualTo((limit, TimeSpan.FromSeconds(seconds))));
    }

    [TestCase("300")]
    [TestCase("0/min")]
    [TestCase("x/min")]
    [TestCase("300/fortnight")]
    public void Parse_InvalidText_ThrowsFormatException(string text) =>
        Assert.That(() => RateLimitOptions.Parse(text), Throws.InstanceOf<FormatException>());

    private static int Header(HttpResponseMessage answer, string name) => int.Parse(answer.Headers.GetValues(name).Single());
}
