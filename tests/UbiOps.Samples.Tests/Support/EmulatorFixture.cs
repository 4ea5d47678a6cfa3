using UbiOps.Client;
using UbiOps.Emulator;

namespace UbiOps.Samples.Tests.Support;

/// <summary>
/// A fixture with its own emulator (the zero-config defaults) and a client for it, so what one
/// fixture's examples create never shows up in another's listings.
/// </summary>
public abstract class EmulatorFixture
{
    private UbiOpsEmulator? _emulator;
    private UbiOpsClient? _client;

    protected UbiOpsEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    protected UbiOpsClient Client => _client ?? throw new InvalidOperationException("The emulator has not started.");

    protected string Project => Emulator.Project;

    [OneTimeSetUp]
    public async Task StartEmulatorAsync()
    {
        _emulator = await UbiOpsEmulator.StartAsync();
        _client = UbiOpsClient.Create(new UbiOpsClientOptions { Token = _emulator.Token, BaseUrl = _emulator.BaseUrl });
    }

    [OneTimeTearDown]
    public async Task StopEmulatorAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
