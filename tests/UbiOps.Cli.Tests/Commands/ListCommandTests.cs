using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;
using UbiOps.Client;

namespace UbiOps.Cli.Tests.Commands;

/// <summary><c>list</c> against today's service (the 2025-12 generation).</summary>
public class ListCommandTests : EmulatorFixture
{
    private readonly List<string> _ids = [];
    private DateTimeOffset _afterFirst;

    [OneTimeSetUp]
    public async Task CreateRequestsAsync()
    {
        for (var n = 0; n < 3; n++)
        {
            _ids.Add(JObject.Parse((await RunAsync("create", "-d", "echo", "--data", $"{{\"n\":{n}}}")).Out).Value<string>("id")!);
            await Task.Delay(30);
            if (n == 0)
            {
                _afterFirst = DateTimeOffset.UtcNow;
                await Task.Delay(30);
            }
        }
    }

    [Test]
    public async Task List_Json_ShowsNewestFirstByDefault()
    {
        Assert.That(await ListIdsAsync(), Is.EqualTo(Enumerable.Reverse(_ids)));
    }

    [Test]
    public async Task List_LimitAndOffset_PagesFromTheNewest()
    {
        Assert.That(await ListIdsAsync("--limit", "1", "--offset", "1"), Is.EqualTo(new[] { _ids[1] }));
    }

    [Test]
    public async Task List_StartDate_KeepsRequestsCreatedAfterIt()
    {
        var ids = await ListIdsAsync("--start-date", _afterFirst.ToString("o"));

        Assert.That(ids, Is.EqualTo(Enumerable.Reverse(_ids).Take(2)));
    }

    [Test]
    public async Task List_NoStatus_ShowsOnlyCompletedRequestsAsTodaysServiceDoes()
    {
        var queued = JObject.Parse((await RunWithInputAsync("{\"seconds\": 600}\n", "batch", "-d", "sleep", "--input", "-")).Out).Value<string>("request_id");

        var completed = await RunAsync("list", "-d", "sleep", "--format", "json");
        // Pending, or already taken by a worker: asked for in the order a request goes through them.
        var pending = await RunAsync("list", "-d", "sleep", "--format", "json", "--status", "pending");
        var processing = await RunAsync("list", "-d", "sleep", "--format", "json", "--status", "processing");

        Assert.That(JArray.Parse(completed.Out), Is.Empty);
        Assert.That(JArray.Parse(pending.Out).Concat(JArray.Parse(processing.Out)).Select(r => r.Value<string>("id")), Does.Contain(queued));
    }

    [Test]
    public async Task List_EndDate_KeepsRequestsCreatedBeforeIt()
    {
        Assert.That(await ListIdsAsync("--end-date", _afterFirst.ToString("o")), Is.EqualTo(new[] { _ids[0] }));
    }

    [Test]
    public async Task List_SearchId_KeepsTheRequestWhoseIdContainsIt()
    {
        Assert.That(await ListIdsAsync("--search-id", _ids[1][..13]), Is.EqualTo(new[] { _ids[1] }));
    }

    [Test]
    public async Task List_Status_FiltersOnIt()
    {
        Assert.That(await ListIdsAsync("--status", "completed"), Has.Count.EqualTo(3));
        Assert.That(await ListIdsAsync("--status", "failed"), Is.Empty);
    }

    [Test]
    public async Task List_All_PagesThroughEveryRequest()
    {
        Assert.That(await ListIdsAsync("--all", "--limit", "1"), Is.EqualTo(Enumerable.Reverse(_ids)));
    }

    [Test]
    public async Task List_Table_ShowsOneRowPerRequestWithShortIdsThatTellThemApartAndACount()
    {
        var result = await RunAsync("list", "-d", "echo");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("status").And.Contain("3 request(s); ids cut to their end"));
        Assert.That(_ids, Is.All.Matches<string>(id => result.Out.Contains("…" + id[^8..]) && !result.Out.Contains(id)));
        // The emulator's ids are time-ordered: requests made together share their first characters.
        var shown = result.OutLines.Where(l => l.StartsWith('…')).Select(l => l.Split(' ')[0]).ToArray();
        Assert.That(shown.Distinct().Count(), Is.EqualTo(_ids.Count), result.Out);
    }

    [Test]
    public async Task List_Table_FitsOneHundredColumns()
    {
        var result = await RunAsync("list", "-d", "echo", "--status", "completed");

        Assert.That(result.OutLines, Has.Length.GreaterThan(3));
        Assert.That(result.Out.Split('\n').Select(l => l.TrimEnd('\r').Length), Is.All.LessThanOrEqualTo(100), result.Out);
    }

    [Test]
    public async Task List_Wide_ShowsFullIdsAndIsoTimes()
    {
        var result = await RunAsync("list", "-d", "echo", "--wide");

        Assert.That(_ids, Is.All.Matches<string>(id => result.Out.Contains(id)));
        Assert.That(result.Out, Does.Match(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}"));
    }

    [Test]
    public async Task List_UnknownStatus_IsAUsageError()
    {
        var result = await RunAsync("list", "-d", "echo", "--status", "done");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
    }

    private async Task<List<string>> ListIdsAsync(params string[] filters)
    {
        var result = await RunAsync(["list", "-d", "echo", "--format", "json", .. filters]);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return JArray.Parse(result.Out).Select(r => r.Value<string>("id")!).ToList();
    }
}

/// <summary><c>list</c>'s filters that only servers of the 2024-07 generation read.</summary>
public class ListCommandOn2024Tests : EmulatorFixture
{
    private readonly List<string> _ids = [];

    protected override ApiGeneration Api => ApiGeneration.July2024;

    [OneTimeSetUp]
    public async Task CreateRequestsAsync()
    {
        for (var n = 0; n < 3; n++)
        {
            _ids.Add(JObject.Parse((await RunAsync("create", "-d", "echo", "--data", $"{{\"n\":{n}}}")).Out).Value<string>("id")!);
            await Task.Delay(10);
        }
    }

    [Test]
    public async Task List_SortAscWithLimitAndOffset_PagesFromTheOldest()
    {
        Assert.That(await ListIdsAsync("--sort", "asc", "--limit", "1", "--offset", "1"), Is.EqualTo(new[] { _ids[1] }));
    }

    [Test]
    public async Task List_SuccessPipelineAndSchedule_AreSentAsFilters()
    {
        Assert.That(await ListIdsAsync("--success", "true"), Has.Count.EqualTo(3));
        Assert.That(await ListIdsAsync("--success", "false"), Is.Empty);
        Assert.That(await ListIdsAsync("--pipeline", "true"), Is.Empty);
        Assert.That(await ListIdsAsync("--pipeline", "false"), Has.Count.EqualTo(3));
        Assert.That(await ListIdsAsync("--request-schedule", "nightly"), Is.Empty);
    }

    private async Task<List<string>> ListIdsAsync(params string[] filters)
    {
        var result = await RunAsync(["list", "-d", "echo", "--format", "json", .. filters]);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return JArray.Parse(result.Out).Select(r => r.Value<string>("id")!).ToList();
    }
}
