using Newtonsoft.Json.Linq;
using UbiOps.Cli.Connection;
using UbiOps.Cli.Tests.Support;
using UbiOps.Emulator;

namespace UbiOps.Cli.Tests.Connection;

/// <summary>
/// Without --host/--token the commands other than run share one emulator database that outlives
/// each command: a sequence of commands works on the same requests.
/// </summary>
public class SharedEmulatorDatabaseTests
{
    private TempDirectory _directory = null!;
    private string _database = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = new TempDirectory();
        _database = _directory.File("shared/emulator.db");
    }

    [TearDown]
    public void DeleteDirectory() => _directory.Dispose();

    [Test]
    public async Task Commands_OneAfterAnother_CreateGetListCancelDeleteTheSameRequests()
    {
        var created = await RunAsync("create", "-d", "echo", "--data", """{"a":1}""");
        var id = JObject.Parse(created.Out).Value<string>("id")!;
        var got = await RunAsync("get", id, "-d", "echo");
        var listed = await RunAsync("list", "-d", "echo", "--format", "json");
        var queued = await RunAsync("batch", "-d", "sleep", "-i", _directory.Write("sleep.jsonl", """{"seconds": 600}""" + "\n"));
        var sleepId = JObject.Parse(queued.OutLines.Single()).Value<string>("request_id")!;
        var cancelled = await RunAsync("cancel", sleepId, "-d", "sleep");
        var afterCancel = await RunAsync("get", sleepId, "-d", "sleep", "--metadata-only");
        var deleted = await RunAsync("delete", id, "-d", "echo");
        var gone = await RunAsync("get", id, "-d", "echo");

        Assert.Multiple(() =>
        {
            Assert.That(created.ExitCode, Is.Zero, created.ToString());
            Assert.That((got.ExitCode, JObject.Parse(got.Out)["result"]?.ToString(Newtonsoft.Json.Formatting.None)), Is.EqualTo((0, """{"a":1}""")), got.ToString());
            Assert.That(listed.Out, Does.Contain(id), listed.ToString());
            // The cancel's own emulator resumed the queued sleep first, so it may have been running.
            Assert.That(JObject.Parse(cancelled.Out).Value<string>("status"), Is.AnyOf("cancelled", "cancelled_pending"), cancelled.ToString());
            Assert.That(JObject.Parse(afterCancel.Out).Value<string>("status"), Is.EqualTo("cancelled"), afterCancel.ToString());
            Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
            Assert.That(gone.ExitCode, Is.EqualTo(4), gone.ToString());
        });
    }

    [Test]
    public async Task Notice_SharedDatabase_NamesItsPathInTheOneLine()
    {
        var result = await RunAsync("list", "-d", "echo");

        Assert.That(result.ErrorLines.Where(l => l.Contains("embedded emulator")).ToList(), Has.Count.EqualTo(1).And.One.Contain(_database));
        Assert.That(File.Exists(_database), Is.True, "the database outlives the command");
    }

    [Test]
    public async Task Get_UnknownRequest_HintNamesTheEmulatorDatabase()
    {
        var result = await RunAsync("get", Guid.NewGuid().ToString(), "-d", "echo");

        Assert.That(result.ExitCode, Is.EqualTo(4));
        Assert.That(result.Error, Does.Contain($"not in the embedded emulator's database at {_database}").And.Contain("--host/--token live on that server"));
    }

    [Test]
    public async Task Get_QueuedRequest_SaysTheEmulatorRunsItOnlyWhileACommandRuns()
    {
        var queued = await RunAsync("batch", "-d", "sleep", "-i", _directory.Write("sleep.jsonl", """{"seconds": 600}""" + "\n"));
        var id = JObject.Parse(queued.OutLines.Single()).Value<string>("request_id")!;

        var got = await RunAsync("get", id, "-d", "sleep", "--metadata-only");

        Assert.That(queued.Error, Does.Contain("1 request is queued").And.Contain("only while a command runs"));
        Assert.That(got.ExitCode, Is.Zero, got.ToString());
        Assert.That(got.Error, Does.Contain($"request {id} is").And.Contain("only while a command runs"));
    }

    [Test]
    public async Task Wait_QueuedRequest_RunsItToTheEnd()
    {
        var queued = await RunAsync("batch", "-d", "sleep", "-i", _directory.Write("sleep.jsonl", """{"seconds": 0.2}""" + "\n"));
        var id = JObject.Parse(queued.OutLines.Single()).Value<string>("request_id")!;

        var waited = await RunAsync("wait", id, "-d", "sleep", "--poll-interval", "0.05", "--timeout", "60");

        Assert.That(waited.ExitCode, Is.Zero, waited.ToString());
        Assert.That(JObject.Parse(waited.OutLines.Single()).Value<string>("status"), Is.EqualTo("completed"), "resumed when the wait started the emulator");
        Assert.That(waited.Error, Does.Contain("1 of 1 requests are queued or running"));
    }

    [Test]
    public async Task EmulatorReset_AfterCreate_TheRequestIsGone()
    {
        var created = await RunAsync("create", "-d", "echo", "--data", """{"b":2}""");
        var id = JObject.Parse(created.Out).Value<string>("id")!;

        var reset = await RunAsync("emulator", "reset");
        var again = await RunAsync("emulator", "reset");
        var gone = await RunAsync("get", id, "-d", "echo");

        Assert.That((reset.ExitCode, reset.Out.Trim()), Is.EqualTo((0, $"Deleted the embedded emulator's database at {_database}.")));
        Assert.That(again.Out, Does.StartWith("No embedded emulator database"));
        Assert.That(gone.ExitCode, Is.EqualTo(4));
    }

    [Test]
    public async Task EmulatorReset_DatabaseInUse_FailsAndKeepsIt()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database)!);
        await using var other = await UbiOpsEmulator.StartAsync(new EmulatorOptions { DatabasePath = _database });

        var reset = await RunAsync("emulator", "reset");

        Assert.That(reset.ExitCode, Is.EqualTo(6), reset.ToString());
        Assert.That(reset.Error, Does.StartWith("error: the embedded emulator's database at").And.Contain("in use"));
        Assert.That(File.Exists(_database), Is.True);
    }

    [Test]
    public async Task Command_WhileAnotherUsesTheDatabase_WaitsForItThenRuns()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database)!);
        var other = await UbiOpsEmulator.StartAsync(new EmulatorOptions { DatabasePath = _database });

        var command = RunAsync("create", "-d", "echo", "--data", """{"c":3}""");
        await Task.Delay(600);
        var waitedMeanwhile = !command.IsCompleted;
        await other.DisposeAsync();
        var result = await command;

        Assert.That(waitedMeanwhile, Is.True, "it waited while the other emulator held the database");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.ErrorLines.Count(l => l.StartsWith("waiting: the embedded emulator's database", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task Command_DatabaseInUseLongerThanItWaits_FailsWithOneClearLine()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database)!);
        await using var other = await UbiOpsEmulator.StartAsync(new EmulatorOptions { DatabasePath = _database });

        var result = await RunAsync(TimeSpan.FromMilliseconds(300), "list", "-d", "echo");

        Assert.That(result.ExitCode, Is.EqualTo(6), result.ToString());
        Assert.That(result.ErrorLines.Last(), Does.StartWith("error: the embedded emulator's database at").And.Contain("in use by another ubiops-requests command"));
    }

    [Test]
    public async Task Commands_AtTheSameTime_BothKeepTheirRequests()
    {
        var creates = Enumerable.Range(0, 3).Select(i => RunAsync("create", "-d", "echo", "--data", $$"""{"same_time":{{i}}}""")).ToList();
        var results = await Task.WhenAll(creates);
        var ids = results.Select(r => JObject.Parse(r.Out).Value<string>("id")!).ToList();

        var collected = await RunAsync(["collect", .. ids, "-d", "echo"]);

        Assert.That(results.Select(r => r.ExitCode), Is.All.Zero);
        Assert.That(collected.ExitCode, Is.Zero, collected.ToString());
        Assert.That(JArray.Parse(collected.Out).Select(r => r.Value<string>("status")), Is.EqualTo(new[] { "completed", "completed", "completed" }));
    }

    [Test]
    public void SharedPath_NoOverride_IsUnderTheUsersDataDirectory()
    {
        var environment = new CliEnvironment
        {
            Out = TextWriter.Null, Error = TextWriter.Null,
            GetVariable = name => name switch { "HOME" => "/home/someone", _ => null },
        };
        var xdg = new CliEnvironment
        {
            Out = TextWriter.Null, Error = TextWriter.Null,
            GetVariable = name => name switch { "XDG_DATA_HOME" => "/data", "HOME" => "/home/someone", _ => null },
        };

        Assert.That(EmulatorDatabase.SharedPath(xdg), Is.EqualTo("/data/ubiops-requests/emulator.db"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(EmulatorDatabase.SharedPath(environment), Is.EqualTo("/home/someone/.local/share/ubiops-requests/emulator.db"));
        }
    }

    private Task<CliResult> RunAsync(params string[] args) => RunAsync(null, args);

    private Task<CliResult> RunAsync(TimeSpan? lockTimeout, params string[] args) =>
        InProcessCli.RunAsync(args, variables: new Dictionary<string, string> { [EmulatorDatabase.PathVariable] = _database }, emulatorLockTimeout: lockTimeout);
}
