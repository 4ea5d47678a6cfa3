using System.Net;

namespace UbiOps.Client.Tests.Operations;

/// <summary>
/// Every call the generated client makes carries its operation (and its own timeout) on the
/// message, so the pipeline never parses the URL of a call it was given.
/// </summary>
public class ApiCallTests
{
    [TestCaseSource(typeof(WireOperations), nameof(WireOperations.Cases))]
    public async Task Operation_Sent_IsStampedWithItsEndpoint(WireOperation operation)
    {
        using var harness = new WireHarness();

        await harness.SendAsync(operation);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Request.Call?.Endpoint, Is.SameAs(operation.Endpoint));
            Assert.That(harness.Request.Call?.RequestTimeout, Is.Null, "no timeout was asked for");
        });
    }

    [Test]
    public async Task Create_Timeout_IsStampedAsTheRequestsOwn([Values] bool batch)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, batch ? "[]" : DocExamples.CreateCompleted);

        if (batch)
        {
            await harness.Client.Batch_deployment_requests_createAsync(["x"], "p", "d", timeout: 7200);
        }
        else
        {
            await harness.Client.Deployment_requests_createAsync("x", "p", "d", timeout: 45);
        }

        Assert.That(harness.Request.Call?.RequestTimeout, Is.EqualTo(TimeSpan.FromSeconds(batch ? 7200 : 45)));
    }

    [Test]
    public void Of_MessageTheClientDidNotBuild_IsMatchedByItsRoute()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.test/v2.1/projects/p/deployments/d/versions/v/requests/cancel");

        Assert.Multiple(() =>
        {
            Assert.That(ApiCall.OperationOf(request), Is.EqualTo(ApiOperation.BatchCancel));
            Assert.That(ApiCall.Of(request)?.RequestTimeout, Is.Null);
            Assert.That(ApiCall.NameOf(request), Is.EqualTo("batch-cancel"));
        });
    }

    [TestCase("GET", true)]
    [TestCase("HEAD", true)]
    [TestCase("POST", false)]
    [TestCase("PUT", false)]
    public void IsSafeToRepeat_CallOutsideTheApi_OnlyReads(string method, bool safe)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://api.test/v2.1/status");

        Assert.Multiple(() =>
        {
            Assert.That(ApiCall.IsSafeToRepeat(request), Is.EqualTo(safe));
            Assert.That(ApiCall.OperationOf(request), Is.EqualTo(ApiOperation.Other));
            Assert.That(ApiCall.NameOf(request), Is.EqualTo("other"));
        });
    }

    [Test]
    public void IsSafeToRepeat_NoMessage_IsNot()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ApiCall.IsSafeToRepeat(null), Is.False);
            Assert.That(ApiCall.OperationOf(null), Is.EqualTo(ApiOperation.Other));
        });
    }

    [Test]
    public void Of_StampedMessage_WinsOverItsUrl()
    {
        // What the client stamped is what the call is, whatever its URL looks like.
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.test/elsewhere");
        ApiCall.Stamp(request, ApiOperations.Get(ApiOperation.DirectCreate).Default, timeoutSeconds: 90);

        Assert.Multiple(() =>
        {
            Assert.That(ApiCall.OperationOf(request), Is.EqualTo(ApiOperation.DirectCreate));
            Assert.That(ApiCall.Of(request)?.RequestTimeout, Is.EqualTo(TimeSpan.FromSeconds(90)));
            Assert.That(ApiCall.IsSafeToRepeat(request), Is.False);
        });
    }

    [TestCase("/v2.1/projects/p?status=pending", "/v2.1/projects/p")]
    [TestCase("/v2.1/projects/p", "/v2.1/projects/p")]
    public void PathOf_RelativeUri_IsItsPathWithoutTheQuery(string uri, string path)
    {
        Assert.That(ApiCall.PathOf(new Uri(uri, UriKind.Relative)), Is.EqualTo(path));
    }

    [Test]
    public void PathOf_AbsoluteUri_IsItsPathWithoutTheQuery()
    {
        Assert.That(ApiCall.PathOf(new Uri("https://api.test/v2.1/projects/p?status=pending")), Is.EqualTo("/v2.1/projects/p"));
    }
}
