using Newtonsoft.Json.Linq;
using UbiOps.Cli.Connection;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Connection;

/// <summary>The sequence, as a user types it: separate processes, real exit codes.</summary>
public class SharedEmulatorDatabaseProcessTests
{
    [Test]
    public async Task Processes_CreateThenGetThenDeleteThenGet_ExitZeroZeroZeroFour()
    {
        using var directory = new TempDirectory();
        var database = directory.File("emulator.db");

        var created = await RunProcessAsync(database, "create", "-d", "echo", "--data", """{"a":1}""");
        var id = JObject.Parse(created.Out).Value<string>("id")!;
        var got = await RunProcessAsync(database, "get", id, "-d", "echo");
        var deleted = await RunProcessAsync(database, "delete", id, "-d", "echo");
        var gone = await RunProcessAsync(database, "get", id, "-d", "echo");

        Assert.That(new[] { created.ExitCode, got.ExitCode, deleted.ExitCode, gone.ExitCode }, Is.EqualTo(new[] { 0, 0, 0, 4 }),
            string.Join("\n", created, got, deleted, gone));
        Assert.That(JObject.Parse(got.Out)["result"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"a":1}"""));
        Assert.That(gone.Error, Does.Contain($"not in the embedded emulator's database at {database}"));
    }

    private static Task<CliResult> RunProcessAsync(string database, params string[] args) =>
        CliProcess.RunAsync(new Dictionary<string, string> { [EmulatorDatabase.PathVariable] = database }, args);
}
