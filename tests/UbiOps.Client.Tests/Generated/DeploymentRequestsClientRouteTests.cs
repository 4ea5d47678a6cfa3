using UbiOps.Client.Tests.Support;

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
}
