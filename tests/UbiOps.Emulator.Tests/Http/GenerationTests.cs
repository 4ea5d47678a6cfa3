using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

/// <summary>The emulator serves either generation of the API: what each serves and which fields it sends.</summary>
public sealed class GenerationTests
{
    private static IEnumerable<AllOperations.Operation> NotServedIn2024 => AllOperations.NotServedBy(ApiGeneration.July2024);

    [Test]
    public void NotServedIn2024_AreTheSixNewOperations()
    {
        Assert.That(NotServedIn2024.Select(o => o.Endpoint.Info.Operation).Distinct(),
            Is.EquivalentTo(new[] { ApiOperation.BatchCancel, ApiOperation.GetInput, ApiOperation.GetOutput }));
    }

    [TestCaseSource(nameof(NotServedIn2024))]
    public async Task NewOperation_On2024_07_AnswersAsAnUnknownRoute(AllOperations.Operation operation)
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Api = ApiGeneration.July2024);
        using var http = TestEmulator.Raw(emulator);

        var answer = await http.SendAsync(operation.Build("demo", "echo"));
        var error = Json.Parse(await answer.Content.ReadAsStringAsync())["error"]!.Value<string>();

        Assert.Multiple(() =>
        {
            Assert.That(answer.StatusCode, Is.AnyOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed));
            Assert.That(error, Does.Contain("No API operation").Or.Contain("not allowed"));
        });
    }

    [Test]
    public async Task Collect_Today_SendsAdditionalDataButNoRetries()
    {
        var fields = await CollectedFieldsAsync(ApiGeneration.December2025);

        Assert.That(fields, Does.Contain("additional_data").And.Not.Contain("retries"));
    }

    [Test]
    public async Task Collect_2024_07_SendsRetriesButNoAdditionalData()
    {
        var fields = await CollectedFieldsAsync(ApiGeneration.July2024);

        Assert.That(fields, Does.Contain("retries").And.Not.Contain("additional_data"));
    }

    [TestCase("2025-12", "priority=2", HttpStatusCode.BadRequest)]
    [TestCase("2025-12", "priority=high", HttpStatusCode.BadRequest)]
    [TestCase("2025-12", "priority=0", HttpStatusCode.Created)]
    [TestCase("2024-07", "priority=2", HttpStatusCode.Created)]
    public async Task BatchCreate_Priority_ReadOnlyToday(string api, string query, HttpStatusCode expected)
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Api = ApiGeneration.Parse(api));
        using var http = TestEmulator.Raw(emulator);

        var answer = await http.PostAsync(TestEmulator.Deployment(emulator, "echo") + "/batch?" + query, new StringContent("[{}]", Encoding.UTF8, "application/json"));

        Assert.That(answer.StatusCode, Is.EqualTo(expected), await answer.Content.ReadAsStringAsync());
    }

    [TestCase("2025-12", null)]
    [TestCase("2024-07", "team a")]
    public async Task BatchCreate_NotificationGroup_KeptOnlyBy2024_07(string api, string? kept)
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Api = ApiGeneration.Parse(api));
        using var http = TestEmulator.Raw(emulator);
        var requests = TestEmulator.Deployment(emulator, "echo");

        var id = (await ApiCalls.CreateBatchAsync(http, requests, [new JObject()], "?notification_group=team%20a"))[0]["id"]!.Value<string>()!;

        Assert.That((await ApiCalls.GetAsync(http, requests, id))["notification_group"]?.Value<string>(), Is.EqualTo(kept));
    }

    private static async Task<IReadOnlyList<string>> CollectedFieldsAsync(ApiGeneration api)
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Api = api);
        using var http = TestEmulator.Raw(emulator);
        var requests = TestEmulator.Deployment(emulator, "echo");
        var id = (await ApiCalls.CreateAsync(http, requests, new JObject()))["id"]!.ToString();

        var answer = await http.PostAsync(requests + "/collect", new StringContent($"[\"{id}\"]", Encoding.UTF8, "application/json"));

        return ((JObject)((JArray)Json.Parse(await answer.Content.ReadAsStringAsync()))[0]).Properties().Select(p => p.Name).ToList();
    }
}
