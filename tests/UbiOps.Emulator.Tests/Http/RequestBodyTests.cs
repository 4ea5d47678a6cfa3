using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

/// <summary>A body is accepted only as standard JSON (RFC 8259: no comments), so every answer that echoes it is JSON too.</summary>
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

    // Was: accepted (comments skipped), although the README promises standard JSON only.
    [TestCase("", "/* c */ {\"a\": 1}")]
    [TestCase("", "// c\n{\"a\": 1}")]
    [TestCase("", "{\"a\": 1} // c")]
    [TestCase("", "{\"a\": /* c */ 1}")]
    [TestCase("/batch", "/* c */ [{\"a\": 1}]")]
    [TestCase("/batch", "// c\n{\"a\": 1}")]
    public async Task Create_JsonWithComments_Is400(string suffix, string body)
    {
        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "echo") + suffix, new StringContent(body, Encoding.UTF8, "application/json"));

        var text = await answer.Content.ReadAsStringAsync();
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        Assert.That(JObject.Parse(text)["error"]!.Value<string>(), Does.StartWith("Malformed JSON"));
    }

    [TestCase("/collect")]
    [TestCase("/delete")]
    public async Task IdList_WithComment_Is400(string suffix)
    {
        var body = $"/* c */ [\"{Guid.NewGuid()}\"]";

        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "echo") + suffix, new StringContent(body, Encoding.UTF8, "application/json"));

        var text = await answer.Content.ReadAsStringAsync();
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        Assert.That(JObject.Parse(text)["error"]!.Value<string>(), Does.StartWith("Malformed JSON"));
    }

    [Test]
    public async Task Create_StandardJsonWithWhiteSpace_IsAccepted()
    {
        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "echo"), new StringContent(" \n\t{\"a\": 1}\r\n", Encoding.UTF8, "application/json"));

        var text = await answer.Content.ReadAsStringAsync();
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(JToken.DeepEquals(JObject.Parse(text)["result"], new JObject { ["a"] = 1 }), Is.True, text);
    }

    // Was: 500 "Internal emulator error (IOException)" for the overflowing chunk size: Kestrel reports
    // it as an IOException, not as a bad request.
    [TestCase("ffffffffffffffffff\r\n", "could not be read")]
    [TestCase("10000000000000000\r\n", "could not be read")]
    [TestCase("zz\r\n{}\r\n0\r\n\r\n", "chunk")]
    [TestCase("2\r\n{}XX0\r\n\r\n", "chunk")]
    public async Task Create_BrokenChunkedFraming_Is400(string chunkedBody, string expected)
    {
        var answer = await RawHttp.SendAsync(_emulator, $"POST /v2.1/{TestEmulator.Deployment(_emulator, "echo")} HTTP/1.1",
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", chunkedBody);

        Assert.That(answer.Status, Is.EqualTo(400), answer.ToString());
        Assert.That(answer.Error, Does.Contain(expected).IgnoreCase);
    }

    [Test]
    public async Task Create_WellFormedChunkedBody_IsAccepted()
    {
        var answer = await RawHttp.SendAsync(_emulator, $"POST /v2.1/{TestEmulator.Deployment(_emulator, "echo")} HTTP/1.1",
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", "4\r\n{\"a\"\r\n4\r\n: 1}\r\n0\r\n\r\n");

        Assert.That(answer.Status, Is.EqualTo(200), answer.ToString());
        Assert.That(JToken.DeepEquals(JObject.Parse(answer.Body)["result"], new JObject { ["a"] = 1 }), Is.True, answer.Body);
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
