using System.Net;
using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

public sealed class CollectAndDeleteTests
{
    private UbiOpsEmulator _emulator = null!;
    private DeploymentRequestsClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        _client = TestEmulator.Client(_emulator);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [Test]
    public async Task Collect_UnknownIdAmongKnown_Is404AndReturnsNothing()
    {
        var known = await CreateAsync("echo", "v1");
        var unknown = Guid.NewGuid().ToString();

        var error = Assert.CatchAsync<UbiOpsApiException>(() => _client.Deployment_requests_batch_getAsync([known, unknown], "demo", "echo"));

        Assert.That(error!.StatusCode, Is.EqualTo(404));
        Assert.That(error.Error, Does.Contain(unknown).And.Not.Contain(known));
    }

    [Test]
    public async Task Collect_IdOfOtherVersion_IsNotFoundThroughThisVersion()
    {
        var onV2 = await CreateAsync("echo", "v2");

        var error = Assert.CatchAsync<UbiOpsApiException>(() => _client.Deployment_version_requests_batch_getAsync([onV2], "demo", "echo", "v1"));
        var found = await _client.Deployment_version_requests_batch_getAsync([onV2], "demo", "echo", "v2");

        Assert.That(error!.StatusCode, Is.EqualTo(404));
        Assert.That(found.Single().Id, Is.EqualTo(onV2));
    }

    [Test]
    public async Task BatchDelete_UnknownId_DeletesNothing()
    {
        var kept = await CreateAsync("echo", "v1");

        var error = Assert.CatchAsync<UbiOpsApiException>(() =>
            _client.Deployment_requests_batch_deleteAsync([kept, Guid.NewGuid().ToString()], "demo", "echo"));
        var stillThere = await _client.Deployment_requests_getAsync("demo", "echo", kept);

        Assert.That(error!.StatusCode, Is.EqualTo(404));
        Assert.That(stillThere.Id, Is.EqualTo(kept));
    }

    [Test]
    public async Task BatchDelete_KnownIds_DeletesAllForDefaultAndExplicitVersion()
    {
        var onDefault = new[] { await CreateAsync("echo", "v1"), await CreateAsync("echo", "v1") };
        var onV2 = await CreateAsync("echo", "v2");

        await _client.Deployment_requests_batch_deleteAsync(onDefault, "demo", "echo");
        await _client.Deployment_version_requests_batch_deleteAsync([onV2], "demo", "echo", "v2");

        foreach (var id in onDefault)
        {
            Assert.That(Assert.CatchAsync<UbiOpsApiException>(() => _client.Deployment_requests_getAsync("demo", "echo", id))!.StatusCode, Is.EqualTo(404));
        }

        Assert.That(Assert.CatchAsync<UbiOpsApiException>(() => _client.Deployment_version_requests_getAsync("demo", "echo", "v2", onV2))!.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task Delete_Single_Answers204WithEmptyBody()
    {
        var id = await CreateAsync("echo", "v1");
        using var http = TestEmulator.Raw(_emulator);

        var answer = await http.DeleteAsync(TestEmulator.Deployment(_emulator, "echo") + "/" + id);
        var again = await http.DeleteAsync(TestEmulator.Deployment(_emulator, "echo") + "/" + id);

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await answer.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Delete_DefaultVersionWithGeneratedClient_RemovesRequest()
    {
        var id = await CreateAsync("echo", "v1");

        await _client.Deployment_requests_deleteAsync("demo", "echo", id);

        Assert.That(await _client.Deployment_requests_listAsync("demo", "echo", search_id: id), Is.Empty);
    }

    [Test]
    public async Task Delete_ExplicitVersion_RemovesRequest()
    {
        var id = await CreateAsync("echo", "v2");

        await _client.Deployment_version_requests_deleteAsync("demo", "echo", "v2", id);

        Assert.That(await _client.Deployment_version_requests_listAsync("demo", "echo", "v2", search_id: id), Is.Empty);
    }

    private async Task<string> CreateAsync(string deployment, string version) =>
        (await _client.Deployment_version_requests_createAsync(new JObject { ["v"] = version }, "demo", deployment, version)).Id;
}
