using UbiOps.Client;
using UbiOps.Emulator;

namespace UbiOps.Cli.Tests.Support;

/// <summary>
/// A fixture base that starts one emulator on 127.0.0.1 for its tests and points the CLI at it.
/// </summary>
public abstract class EmulatorFixture
{
    internal UbiOpsEmulator Emulator { get; private set; } = null!;

    /// <summary>The generation of the API the emulator serves: today's unless a fixture says otherwise.</summary>
    protected virtual ApiGeneration Api => ApiGeneration.Latest;

    [OneTimeSetUp]
    public async Task StartEmulatorAsync() => Emulator = await UbiOpsEmulator.StartAsync(new EmulatorOptions { Api = Api });

    [OneTimeTearDown]
    public async Task StopEmulatorAsync() => await Emulator.DisposeAsync();

    /// <summary>Runs a command against the fixture's emulator: --host, --token and --project added.</summary>
    internal Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    internal Task<CliResult> RunWithInputAsync(string? stdin, params string[] args) =>
        InProcessCli.RunAsync(Target(Emulator, args), stdin);

    internal static string[] Target(UbiOpsEmulator emulator, string[] args) =>
        [.. args, "--host", emulator.BaseUrl, "--token", emulator.Token, "--project", emulator.Project, "--retries", "0"];
}
