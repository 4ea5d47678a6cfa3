
namespace UbiOps.Client.Tests.Generated;

/// <summary>Every operation's HTTP method and path, and how names are escaped into the path.</summary>
public class DeploymentRequestsClientRouteTests
{
    [TestCaseSource(typeof(WireOperations), nameof(WireOperations.Cases))]
    public async Task Operation_PlainNames_UsesMethodAndPathOfTheApi(WireOperation operation)
    {
        using var harness = new WireHarness();

        await harness.SendAsync(operation);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Request.Method, Is.EqualTo(operation.Method));
            Assert.That(harness.Request.Uri.GetLeftPart(UriPartial.Authority), Is.EqualTo("http://ubiops.test"));
            Assert.That(harness.Request.PathAndQuery, Is.EqualTo(operation.Path(ResourceNames.Plain)));
        });
    }

    [TestCaseSource(typeof(WireOperations), nameof(WireOperations.Cases))]
    public async Task Operation_NamesWithReservedCharacters_PercentEscapesEachPathSegment(WireOperation operation)
    {
        using var harness = new WireHarness();
        var names = new ResourceNames("my project", "dépl/oy", "v1.0 beta", "req#1?x=y&z");

        await harness.SendAsync(operation, names);

        // A space is %20 (never '+'), 'é' is its UTF-8 bytes, and '/', '#', '?', '=', '&' are escaped
        // so that no name can add a segment, start a fragment or start the query.
        var escaped = new ResourceNames("my%20project", "d%C3%A9pl%2Foy", "v1.0%20beta", "req%231%3Fx%3Dy%26z");
        Assert.That(harness.Request.PathAndQuery, Is.EqualTo(operation.Path(escaped)));
    }

    [TestCaseSource(typeof(WireOperations), nameof(WireOperations.Cases))]
    public void Operation_ProjectIsDotDot_ThrowsArgumentExceptionBeforeSending(WireOperation operation)
    {
        using var harness = new WireHarness();

        // Unchecked, System.Uri would drop the segment and send to /v2.1/deployments/...
        var exception = Assert.ThrowsAsync<ArgumentException>(() => harness.SendAsync(operation, ResourceNames.Plain with { Project = ".." }));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.ParamName, Is.EqualTo("project_name"));
            Assert.That(exception.Message, Does.Contain("project name must not be '..'"));
            Assert.That(harness.RequestCount, Is.Zero);
        });
    }

    [TestCase("deployment_version_requests_get", "deployment_name", ".")]
    [TestCase("deployment_version_requests_get", "version", "..")]
    [TestCase("deployment_version_requests_get", "request_id", ".")]
    [TestCase("deployment_requests_delete", "request_id", "..")]
    public void Operation_OtherNameIsDotSegment_ThrowsNamingThatParameter(string operationName, string parameter, string name)
    {
        using var harness = new WireHarness();
        var operation = WireOperations.All.Single(op => op.Name == operationName);
        var names = parameter switch
        {
            "deployment_name" => ResourceNames.Plain with { Deployment = name },
            "version" => ResourceNames.Plain with { Version = name },
            _ => ResourceNames.Plain with { RequestId = name },
        };

        var exception = Assert.ThrowsAsync<ArgumentException>(() => harness.SendAsync(operation, names));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.ParamName, Is.EqualTo(parameter));
            Assert.That(harness.RequestCount, Is.Zero);
        });
    }

    [Test]
    public async Task Operation_NamesContainingDots_AreSentAsIs()
    {
        using var harness = new WireHarness();

        await harness.SendAsync(WireOperations.All.Single(op => op.Name == "deployment_version_requests_get"),
            new ResourceNames("my.project", "...", "v1.2", "..r"));

        Assert.That(harness.Request.PathAndQuery, Is.EqualTo("/v2.1/projects/my.project/deployments/.../versions/v1.2/requests/..r"));
    }
}
