using UbiOps.Cli.Tests.Support;
using UbiOps.Emulator;

namespace UbiOps.Cli.Tests.Connection;

/// <summary>
/// <c>--source-address</c>: the calls leave from the address given, and the server's rate limit,
/// counted per address, is each address's own (127.0.0.0/8 is all this host's on Linux).
/// </summary>
public sealed class SourceAddressTests
{
    private const string UnknownRequest = "00000000-0000-0000-0000-000000000000";

    [Test]
    public async Task Get_FromTwoSourceAddresses_EachHasItsOwnRateLimit()
    {
        // One call an hour per address: a second call from the same address is refused at once.
        await using var emulator = await UbiOpsEmulator.StartAsync(new EmulatorOptions
        {
            RateLimit = new RateLimitOptions { PermitLimit = 1, Window = TimeSpan.FromHours(1) },
        });

        var first = await GetFromAsync(emulator, "127.0.0.2");
        var again = await GetFromAsync(emulator, "127.0.0.2");
        var other = await GetFromAsync(emulator, "127.0.0.3");

        Assert.That(first.Error, Does.StartWith("error: not found"), first.ToString());
        Assert.That(again.Error, Does.Contain("429"), "127.0.0.2 used its one call");
        Assert.That(other.Error, Does.StartWith("error: not found"), "127.0.0.3 has a call of its own: " + other);
    }

    [Test]
    public async Task Get_SourceAddressNotAnIpAddress_UsageErrorNamingIt()
    {
        var result = await InProcessCli.RunAsync(["get", UnknownRequest, "-d", "echo", "--source-address", "my-host"]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--source-address must be an IP address of this host").And.Contain("'my-host'"));
    }

    private static Task<CliResult> GetFromAsync(UbiOpsEmulator emulator, string address) =>
        InProcessCli.RunAsync(EmulatorFixture.Target(emulator, ["get", UnknownRequest, "-d", "echo", "--source-address", address]));
}
