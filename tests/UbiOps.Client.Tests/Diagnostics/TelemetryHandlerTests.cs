using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace UbiOps.Client.Tests.Diagnostics;

/// <summary>Every HTTP attempt is one log line and one activity, inside the retries.</summary>
public class TelemetryHandlerTests
{
    private FakeLogCollector _logs = null!;
    private ILoggerFactory _loggerFactory = null!;

    [SetUp]
    public void SetUp()
    {
        _logs = new FakeLogCollector();
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
    }

    [TearDown]
    public void TearDown() => _loggerFactory.Dispose();

    [Test]
    public async Task Send_RetriedRead_LogsEachAttemptWithMethodPathStatusAndAttempt()
    {
        var deployment = Routes.NewDeployment();
        var network = new ScriptedHandler().ThenAnswer(HttpStatusCode.ServiceUnavailable).ThenAnswer(HttpStatusCode.OK);
        using var client = Build(network);

        using var response = await client.SendAsync(Routes.For("list", deployment));

        var answered = _logs.GetSnapshot().Where(r => r.Id.Name == "Answered").ToList();
        Assert.That(answered, Has.Count.EqualTo(2));
        Assert.That(answered.Select(r => r.Level), Is.EqualTo(new[] { LogLevel.Warning, LogLevel.Debug }));
        Assert.That(answered.Select(r => r.GetStructuredStateValue("StatusCode")), Is.EqualTo(new[] { "503", "200" }));
        Assert.That(answered.Select(r => r.GetStructuredStateValue("Attempt")), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(answered.Select(r => r.GetStructuredStateValue("Operation")), Is.All.EqualTo("list"));
        Assert.That(answered[0].GetStructuredStateValue("Method"), Is.EqualTo("GET"));
        Assert.That(answered[0].GetStructuredStateValue("Path"), Is.EqualTo($"/v2.1/projects/p/deployments/{deployment}/requests"), "no query string");
        Assert.That(answered[0].GetStructuredStateValue("ElapsedMilliseconds"), Is.Not.Null);
        Assert.That(answered[0].Category, Is.EqualTo(UbiOpsDiagnostics.LoggerCategory));
    }

    [Test]
    public void Send_NetworkFailure_LogsAWarningWithTheException()
    {
        var network = new ScriptedHandler().ThenThrow(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        using var client = Build(network);

        Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Routes.DirectCreate(Routes.NewDeployment())));

        var failed = _logs.GetSnapshot().Single(r => r.Id.Name == "Failed");
        Assert.That(failed.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(failed.Exception, Is.InstanceOf<HttpRequestException>());
        Assert.That(failed.GetStructuredStateValue("Operation"), Is.EqualTo("direct-create"));
        Assert.That(failed.GetStructuredStateValue("ErrorType"), Is.EqualTo(nameof(HttpRequestException)));
    }

    [Test]
    public async Task Send_RetriedRead_StartsOneActivityPerAttempt()
    {
        var deployment = Routes.NewDeployment();
        using var recorder = new ActivityRecorder(deployment);
        var network = new ScriptedHandler().ThenAnswer(HttpStatusCode.ServiceUnavailable).ThenAnswer(HttpStatusCode.OK);
        using var client = Build(network);

        using var response = await client.SendAsync(Routes.Get(deployment));

        var activities = recorder.Stopped;
        Assert.That(activities, Has.Count.EqualTo(2));
        Assert.That(activities.Select(a => a.GetTagItem("http.response.status_code")), Is.EqualTo(new object[] { 503, 200 }));
        Assert.That(activities.Select(a => a.Status), Is.EqualTo(new[] { ActivityStatusCode.Error, ActivityStatusCode.Unset }));
        Assert.That(activities[0].GetTagItem("http.request.method"), Is.EqualTo("GET"));
        Assert.That(activities[0].GetTagItem("url.path"), Is.EqualTo($"/v2.1/projects/p/deployments/{deployment}/requests/r-1"));
        Assert.That(activities[0].GetTagItem("ubiops.operation"), Is.EqualTo("get"));
        Assert.That(activities[0].Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(activities[0].GetTagItem("http.request.resend_count"), Is.Null);
        Assert.That(activities[1].GetTagItem("http.request.resend_count"), Is.EqualTo(1));
    }

    [Test]
    public void Send_NetworkFailure_MarksTheActivityAsAnError()
    {
        var deployment = Routes.NewDeployment();
        using var recorder = new ActivityRecorder(deployment);
        var network = new ScriptedHandler().ThenThrow(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        using var client = Build(network);

        Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Routes.BatchCreate(deployment)));

        var activity = recorder.Stopped.Single();
        Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(activity.GetTagItem("error.type"), Is.EqualTo(typeof(HttpRequestException).FullName));
        Assert.That(activity.GetTagItem("ubiops.operation"), Is.EqualTo("batch-create"));
    }

    private HttpClient Build(ScriptedHandler network) =>
        UbiOpsHttpPipeline.CreateHttpClient(new UbiOpsResilienceOptions { BaseDelay = TimeSpan.Zero }, _loggerFactory, TimeProvider.System, network, new RateBudget(TimeProvider.System));
}
