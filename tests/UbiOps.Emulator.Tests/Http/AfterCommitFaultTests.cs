using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

/// <summary>
/// Faults after commit: the call is carried out and stored, and only its answer is lost. Each is
/// placed on an exact call, by the request header and by a rule.
/// </summary>
public sealed class AfterCommitFaultTests
{
    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        // Not the schema-checking client: a 502 or 504 is a proxy's answer, not the API's.
        _http = new HttpClient { BaseAddress = new Uri(_emulator.BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", _emulator.Token);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [TestCase("500-after", HttpStatusCode.InternalServerError)]
    [TestCase("502-after", HttpStatusCode.BadGateway)]
    [TestCase("504-after", HttpStatusCode.GatewayTimeout)]
    public async Task Header_ErrorAfterCommit_BatchIsStoredAndRunButAnsweredWithTheError(string fault, HttpStatusCode expected)
    {
        using var answer = await SendBatchAsync(3, fault);

        Assert.That(answer.StatusCode, Is.EqualTo(expected));
        Assert.That(JObject.Parse(await answer.Content.ReadAsStringAsync()).Value<string>("error"), Does.Contain("it was stored"));
        Assert.That(await StoredAsync(), Has.Count.EqualTo(3), "the batch was stored");
        Assert.That(_emulator.TotalExecutions, Is.EqualTo(3), "and ran");
        Assert.That(_emulator.InjectedFaults.Values.Sum(), Is.EqualTo(1));
    }

    [Test]
    public async Task Header_DropAfterCommit_ConnectionClosedButBatchStored()
    {
        Assert.CatchAsync<HttpRequestException>(async () => (await SendBatchAsync(2, "drop-after")).Dispose());

        Assert.That(await StoredAsync(), Has.Count.EqualTo(2));
        Assert.That(_emulator.InjectedFaults[FaultKind.DropAfterCommit], Is.EqualTo(1));
    }

    [Test]
    public async Task Header_DelayAfterCommit_ClientTimesOutButBatchStored()
    {
        using var impatient = new HttpClient { BaseAddress = _http.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };
        impatient.DefaultRequestHeaders.Authorization = _http.DefaultRequestHeaders.Authorization;

        Assert.CatchAsync<TaskCanceledException>(async () => (await SendBatchAsync(2, "delay-after=10s", impatient)).Dispose());

        Assert.That(await StoredAsync(), Has.Count.EqualTo(2), "stored before the answer was held back");
    }

    [Test]
    public async Task Header_DelayAfterCommitShorterThanTheTimeout_AnswerArrivesLateAndWhole()
    {
        var started = DateTime.UtcNow;
        using var answer = await SendBatchAsync(2, "delay-after=300ms");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(JArray.Parse(await answer.Content.ReadAsStringAsync()), Has.Count.EqualTo(2));
        Assert.That(DateTime.UtcNow - started, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290)));
    }

    [Test]
    public async Task Header_AfterCommitOnARefusedCall_RefusalIsAnsweredAsItWas()
    {
        // A plain input for a structured deployment is refused (400): nothing was stored, nothing to hide.
        using var content = new StringContent("[\"plain\"]", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, TestEmulator.Deployment(_emulator, "echo") + "/batch") { Content = content };
        request.Headers.Add("X-UbiOps-Emulator-Fault", "502-after");
        using var answer = await _http.SendAsync(request);

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(_emulator.InjectedFaults, Is.Empty);
    }

    [Test]
    public async Task Header_UnknownFault_Is400NamingTheHeader()
    {
        using var answer = await SendBatchAsync(1, "explode");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(JObject.Parse(await answer.Content.ReadAsStringAsync()).Value<string>("error"),
            Does.Contain("X-UbiOps-Emulator-Fault 'explode' is unknown").And.Contain("drop-after"));
        Assert.That(await StoredAsync(), Is.Empty);
    }

    [Test]
    public async Task Rule_SkipOneBatchCreate_FaultsExactlyTheSecondAndNothingElse()
    {
        var rule = _emulator.AddFaultRule(new FaultRule(FaultKind.InternalErrorAfterCommit, ApiOperation.BatchCreate) { Skip = 1 });

        using var first = await SendBatchAsync(1);
        using var list = await _http.GetAsync(TestEmulator.Deployment(_emulator, "echo"));
        using var second = await SendBatchAsync(1);
        using var third = await SendBatchAsync(1);

        Assert.That((first.StatusCode, list.StatusCode, second.StatusCode, third.StatusCode),
            Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.Created)));
        Assert.That(rule.Fired, Is.EqualTo(1));
        Assert.That(await StoredAsync(), Has.Count.EqualTo(3), "the faulted one was stored too");
    }

    [Test]
    public async Task Rule_CountTwoOnCollect_FaultsTwoCollectsThenIsSpent()
    {
        var rule = _emulator.AddFaultRule(new FaultRule(FaultKind.Unavailable, ApiOperation.Collect) { Count = 2 });
        using var created = await SendBatchAsync(1);
        var id = JArray.Parse(await created.Content.ReadAsStringAsync())[0].Value<string>("id")!;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var collect = new StringContent(new JArray(id).ToString(), Encoding.UTF8, "application/json");
            using var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "echo") + "/collect", collect);
            statuses.Add(answer.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }));
        Assert.That(rule.Fired, Is.EqualTo(2));
    }

    [Test]
    public void Rule_CountBelowOne_IsRefused() =>
        Assert.That(() => _emulator.AddFaultRule(new FaultRule(FaultKind.Drop) { Count = 0 }), Throws.ArgumentException.With.Message.Contains("Count"));

    [Test]
    public async Task Rule_BeforeRandomFaults_RandomFaultsApplyToTheOtherCalls()
    {
        _emulator.Faults = new FaultOptions { TooManyRequestsRate = 1 };
        _emulator.AddFaultRule(new FaultRule(FaultKind.DropAfterCommit, ApiOperation.BatchCreate));

        Assert.CatchAsync<HttpRequestException>(async () => (await SendBatchAsync(1)).Dispose());
        using var next = await SendBatchAsync(1);

        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(_emulator.InjectedFaults[FaultKind.DropAfterCommit], Is.EqualTo(1));
        Assert.That(_emulator.InjectedFaults[FaultKind.TooManyRequests], Is.EqualTo(1));
    }

    [Test]
    public async Task RandomFaults_AfterCommitKinds_StoreEveryCallTheyFault()
    {
        _emulator.Faults = new FaultOptions
        {
            InternalErrorAfterCommitRate = 0.25, BadGatewayAfterCommitRate = 0.25, GatewayTimeoutAfterCommitRate = 0.25, DropAfterCommitRate = 0.25, Seed = 3,
        };

        for (var i = 0; i < 12; i++)
        {
            try
            {
                (await SendBatchAsync(1)).Dispose();
            }
            catch (HttpRequestException)
            {
                // a drop after commit
            }
        }

        _emulator.Faults = null;
        Assert.That(_emulator.InjectedFaults.Values.Sum(), Is.EqualTo(12), "every call was faulted");
        Assert.That(await StoredAsync(), Has.Count.EqualTo(12), "and every one was stored");
    }

    private Task<HttpResponseMessage> SendBatchAsync(int count, string? fault = null, HttpClient? http = null)
    {
        var body = new JArray(Enumerable.Range(0, count).Select(i => new JObject { ["n"] = i }));
        var request = new HttpRequestMessage(HttpMethod.Post, TestEmulator.Deployment(_emulator, "echo") + "/batch")
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json"),
        };
        if (fault is not null)
        {
            request.Headers.Add("X-UbiOps-Emulator-Fault", fault);
        }

        return (http ?? _http).SendAsync(request);
    }

    private async Task<JArray> StoredAsync()
    {
        using var answer = await _http.GetAsync(TestEmulator.Deployment(_emulator, "echo") + "?limit=1000");
        return JArray.Parse(await answer.Content.ReadAsStringAsync());
    }
}
