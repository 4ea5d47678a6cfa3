using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

/// <summary>Client mistakes are 4xx answers with {"error"} naming the problem: never a 5xx, never a crash.</summary>
public sealed class BadInputTests
{
    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;
    private string _completedId = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        _http = TestEmulator.Raw(_emulator);
        _completedId = (await TestEmulator.Client(_emulator).Deployment_requests_createAsync(new JObject(), "demo", "echo")).Id;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        Assert.That(_emulator.UnexpectedErrors, Is.EqualTo(0), "no client mistake reached the 500 handler");
        await _emulator.DisposeAsync();
    }

    [TestCase("echo", "", "{\"a\":", "Malformed JSON")]
    [TestCase("echo", "", "{\"a\": 1} trailing", "Malformed JSON")]
    [TestCase("echo", "", "", "empty")]
    [TestCase("echo", "", "\"a string\"", "structured")]
    [TestCase("echo", "", "42", "structured")]
    [TestCase("echo", "", "[]", "empty list")]
    [TestCase("echo", "", "[{}, 3]", "Item 1")]
    [TestCase("plain-echo", "", "{\"a\": 1}", "plain")]
    [TestCase("plain-echo", "", "null", "plain")]
    [TestCase("echo", "/batch", "[]", "empty")]
    [TestCase("echo", "/batch", "[[{}]]", "Item 0")]
    [TestCase("plain-echo", "/batch", "[\"ok\", {\"no\": 1}]", "Item 1")]
    [TestCase("echo", "/collect", "{}", "list of request ids")]
    [TestCase("echo", "/collect", "[]", "empty")]
    [TestCase("echo", "/collect", "[1]", "must be a string")]
    [TestCase("echo", "/collect", "[\"not-a-uuid\"]", "not a valid request id")]
    [TestCase("echo", "/delete", "\"x\"", "list of request ids")]
    [TestCase("echo", "/delete", "[null]", "must be a string")]
    public async Task Post_BadBody_Is400NamingTheProblem(string deployment, string suffix, string body, string expected)
    {
        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, deployment) + suffix, new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(answer, HttpStatusCode.BadRequest, expected);
    }

    [TestCase("/collect")]
    [TestCase("/delete")]
    [TestCase("/batch")]
    public async Task Post_MoreThan250Items_Is400(string suffix)
    {
        var items = suffix == "/batch"
            ? new JArray(Enumerable.Range(0, 251).Select(_ => new JObject()))
            : new JArray(Enumerable.Range(0, 251).Select(_ => Guid.NewGuid().ToString()));

        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "echo") + suffix, new StringContent(items.ToString(), Encoding.UTF8, "application/json"));

        await AssertErrorAsync(answer, HttpStatusCode.BadRequest, "250");
    }

    [TestCase("limit=abc", "limit")]
    [TestCase("limit=0", "limit")]
    [TestCase("offset=-1", "offset")]
    [TestCase("status=unknown", "status")]
    [TestCase("status=completed,unknown", "unknown")]
    [TestCase("status=pending,completed", "cannot be combined")]
    [TestCase("status=cancelled_pending", "status")]
    [TestCase("status=pending&start_date=2020-03-28T20:00:26Z", "start_date")]
    [TestCase("status=processing&search_id=abc", "search_id")]
    [TestCase("start_date=yesterday", "start_date")]
    [TestCase("end_date=2020-13-45T99:00:00Z", "end_date")]
    [TestCase("limit=1&limit=2", "more than once")]
    [TestCase("limit=99999999999999", "limit")]
    public async Task List_BadQueryValue_Is400NamingTheParameter(string query, string expected)
    {
        var answer = await _http.GetAsync(TestEmulator.Deployment(_emulator, "echo") + "?" + query);

        await AssertErrorAsync(answer, HttpStatusCode.BadRequest, expected);
    }

    [TestCase("", "timeout=9")]
    [TestCase("", "timeout=3601")]
    [TestCase("", "timeout=ten")]
    [TestCase("/batch", "timeout=172801")]
    [TestCase("/batch", "timeout=5")]
    public async Task Create_TimeoutOutOfRange_Is400(string suffix, string query)
    {
        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "echo") + suffix + "?" + query, new StringContent("{}", Encoding.UTF8, "application/json"));

        await AssertErrorAsync(answer, HttpStatusCode.BadRequest, "timeout");
    }

    [Test]
    public async Task Get_MetadataOnlyNotBoolean_Is400()
    {
        var answer = await _http.GetAsync(TestEmulator.Deployment(_emulator, "echo") + "/" + _completedId + "?metadata_only=yes please");

        await AssertErrorAsync(answer, HttpStatusCode.BadRequest, "metadata_only");
    }

    [TestCase("{\"status\": \"completed\"}", "only be updated to 'cancelled'")]
    [TestCase("{\"state\": \"cancelled\"}", "status")]
    [TestCase("[\"cancelled\"]", "status")]
    public async Task Update_BadBody_Is400(string body, string expected)
    {
        var answer = await _http.PatchAsync(TestEmulator.Deployment(_emulator, "echo") + "/" + _completedId, new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(answer, HttpStatusCode.BadRequest, expected);
    }

    [Test]
    public async Task Create_BodyOverTenMegabytes_Is413()
    {
        var big = "\"" + new string('x', 10 * 1024 * 1024) + "\"";

        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "plain-echo"), new StringContent(big, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(answer, HttpStatusCode.RequestEntityTooLarge, "limit");
    }

    [Test]
    public async Task Create_ChunkedBodyOverLimit_Is413()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("\"" + new string('y', 11 * 1024 * 1024) + "\"")));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, TestEmulator.Deployment(_emulator, "plain-echo")) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var answer = await _http.SendAsync(request);

        await AssertErrorAsync(answer, HttpStatusCode.RequestEntityTooLarge, "limit");
    }

    [TestCase("application/xml", "/batch")]
    [TestCase("text/plain", "/batch")]
    [TestCase("text/plain", "/collect")]
    [TestCase("application/x-www-form-urlencoded", "")]
    [TestCase("application/json; charset=latin1", "")]
    public async Task Post_WrongContentType_Is415(string contentType, string suffix)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("[]"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "echo") + suffix, content);

        await AssertErrorAsync(answer, HttpStatusCode.UnsupportedMediaType, "not supported");
    }

    [Test]
    public async Task Post_NoContentType_Is415()
    {
        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "echo"), new ByteArrayContent(Encoding.UTF8.GetBytes("{}")));

        await AssertErrorAsync(answer, HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Test]
    public async Task Post_InvalidUtf8_Is400()
    {
        var content = new ByteArrayContent([0x22, 0xC3, 0x28, 0x22]);
        content.Headers.ContentType = new("application/json");

        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "plain-echo"), content);

        await AssertErrorAsync(answer, HttpStatusCode.BadRequest, "UTF-8");
    }

    [Test]
    public async Task Post_DeeplyNestedJson_Is400()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);

        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "echo"), new StringContent(deep, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(answer, HttpStatusCode.BadRequest, "Malformed JSON");
    }

    [Test]
    public async Task WrongMethodOrPath_AreJsonErrors()
    {
        var put = await _http.PutAsync(TestEmulator.Deployment(_emulator, "echo"), new StringContent("{}", Encoding.UTF8, "application/json"));
        var unknown = await _http.GetAsync("projects/demo/nothing-here");

        await AssertErrorAsync(put, HttpStatusCode.MethodNotAllowed, "not allowed");
        await AssertErrorAsync(unknown, HttpStatusCode.NotFound, "No API operation");
    }

    private static async Task AssertErrorAsync(HttpResponseMessage answer, HttpStatusCode status, string expected)
    {
        var body = await answer.Content.ReadAsStringAsync();
        Assert.That(answer.StatusCode, Is.EqualTo(status), body);
        Assert.That(answer.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(JObject.Parse(body)["error"]!.Value<string>(), Does.Contain(expected).IgnoreCase);
    }
}
