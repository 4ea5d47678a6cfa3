using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

/// <summary>A body is accepted only as standard JSON (RFC 8259, comments allowed), so every answer that echoes it is JSON too.</summary>
public sealed class RequestBodyTests
{
    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        _http = TestEmulator.Raw(_emulator);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        Assert.That(_emulator.UnexpectedErrors, Is.EqualTo(0));
        await _emulator.DisposeAsync();
    }

    // Was: all accepted. undefined and new Date(1) were stored and echoed as such, so the answer
    // itself was not JSON; NaN and Infinity came back as the strings "NaN" and "Infinity"; the
    // value after a comment was silently dropped.
    [TestCase("{\"a\": undefined}")]
    [TestCase("{\"a\": new Date(1)}")]
    [TestCase("{\"a\": NaN}")]
    [TestCase("{\"a\": -Infinity}")]
    [TestCase("{\"a\": 1} /* comment */ {\"b\": 2}")]
    public async Task Create_NotStandardJson_Is400(string body)
    {
        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "echo"), new StringContent(body, Encoding.UTF8, "application/json"));

        var text = await answer.Content.ReadAsStringAsync();
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        Assert.That(JObject.Parse(text)["error"]!.Value<string>(), Does.StartWith("Malformed JSON"));
    }

    [TestCase("{\"a\": 1} // a comment")]
    [TestCase("/* a comment */ {\"a\": 1}")]
    public async Task Create_JsonWithComments_IsAccepted(string body)
    {
        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "echo"), new StringContent(body, Encoding.UTF8, "application/json"));

        var text = await answer.Content.ReadAsStringAsync();
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(JToken.DeepEquals(JObject.Parse(text)["result"], new JObject { ["a"] = 1 }), Is.True, text);
    }

    // Was: 415 "Charset '"utf-8"' is not supported" for the quoted form, which RFC 9110 allows.
    [TestCase("application/json; charset=\"utf-8\"")]
    [TestCase("application/json; charset=\"UTF-8\"")]
    [TestCase("application/json;charset=utf8")]
    public async Task Create_Utf8CharsetSpelledAnyValidWay_IsAccepted(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"a\": 1}"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "echo"), content);

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), await answer.Content.ReadAsStringAsync());
    }
}
