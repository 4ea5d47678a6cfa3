using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using UbiOps.Emulator;

namespace UbiOps.Client.Tests.Integration;

/// <summary>
/// The real emulator on a loopback port and a client made the way users make one
/// (<see cref="UbiOpsClient.Create(UbiOpsClientOptions?, ILoggerFactory)"/>), so the whole Polly
/// pipeline and the real network run. The client's own log (one record per HTTP attempt) tells
/// what happened on the wire: which answers came back, which attempts were retries.
/// </summary>
internal sealed class LiveEmulator : IAsyncDisposable
{
    /// <summary>A wait that gives up after a minute: a hang fails the test instead of stalling the run.</summary>
    public static WaitOptions FastWait => new()
    {
        FirstPollDelay = TimeSpan.FromMilliseconds(10),
        MaxPollInterval = TimeSpan.FromMilliseconds(100),
        Timeout = TimeSpan.FromMinutes(1),
    };

    private readonly FakeLogCollector _logs;
    private readonly ILoggerFactory _loggerFactory;

    private LiveEmulator(UbiOpsEmulator emulator, UbiOpsClient client, FakeLogCollector logs, ILoggerFactory loggerFactory)
    {
        Emulator = emulator;
        Client = client;
        _logs = logs;
        _loggerFactory = loggerFactory;
    }

    public UbiOpsEmulator Emulator { get; }

    public UbiOpsClient Client { get; }

    /// <summary>The <c>echo</c> deployment's default version (<c>v1</c>); its result is its input.</summary>
    public DeploymentScope Echo => Client.Deployment(Emulator.Project, "echo");

    /// <summary>
    /// Starts an emulator and a client for it. Backoff is a millisecond so tests stay fast; a 429 or
    /// 503 still waits as long as the server asks (the emulator asks for 1 s). A lost answer is
    /// looked up after 50 ms (the emulator shows what it stored at once).
    /// </summary>
    public static async Task<LiveEmulator> StartAsync(
        FaultOptions? faults = null, RateLimitOptions? rateLimit = null, int maxRetryAttempts = UbiOpsResilienceOptions.MaxRetryAttemptsLimit,
        Action<UbiOpsResilienceOptions>? resilience = null, Action<EmulatorOptions>? emulatorOptions = null)
    {
        var emulatorSettings = new EmulatorOptions { Faults = faults, RateLimit = rateLimit };
        emulatorOptions?.Invoke(emulatorSettings);
        var emulator = await UbiOpsEmulator.StartAsync(emulatorSettings);
        var logs = new FakeLogCollector();
        var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        var options = new UbiOpsClientOptions
        {
            Token = emulator.Token,
            BaseUrl = emulator.BaseUrl,
            Resilience =
            {
                BaseDelay = TimeSpan.FromMilliseconds(1),
                MaxRetryAttempts = maxRetryAttempts,
                ReconcileDelay = TimeSpan.FromMilliseconds(50),
            },
        };
        resilience?.Invoke(options.Resilience);
        return new LiveEmulator(emulator, UbiOpsClient.Create(options, loggerFactory), logs, loggerFactory);
    }

    /// <summary>One HTTP attempt as the client logged it.</summary>
    /// <param name="Operation">e.g. <c>batch-create</c>, <c>collect</c>.</param>
    /// <param name="Attempt">1 for the first try, more for retries.</param>
    /// <param name="StatusCode">The answer's status; <see langword="null"/> when the attempt failed without one.</param>
    public sealed record HttpAttempt(string Operation, int Attempt, int? StatusCode);

    /// <summary>Every finished HTTP attempt (answered or failed) so far.</summary>
    public IReadOnlyList<HttpAttempt> Attempts() => _logs.GetSnapshot()
        .Where(r => r.Id.Name is "Answered" or "Failed")
        .Select(r => new HttpAttempt(
            r.GetStructuredStateValue("Operation")!,
            int.Parse(r.GetStructuredStateValue("Attempt")!, CultureInfo.InvariantCulture),
            r.Id.Name == "Answered" ? int.Parse(r.GetStructuredStateValue("StatusCode")!, CultureInfo.InvariantCulture) : null))
        .ToList();

    /// <summary>How many attempts of <paramref name="operation"/> were sent: answered, failed or given up (timed out).</summary>
    public int Sent(string operation) => _logs.GetSnapshot()
        .Count(r => r.Id.Name is "Answered" or "Failed" or "Cancelled" && r.GetStructuredStateValue("Operation") == operation);

    /// <summary>How many attempts were answered with <paramref name="status"/>.</summary>
    public int Answered(int status) => Attempts().Count(a => a.StatusCode == status);

    /// <summary>How many attempts failed without an answer (dropped connections).</summary>
    public int FailedWithoutAnswer() => Attempts().Count(a => a.StatusCode is null);

    public async ValueTask DisposeAsync()
    {
        // UbiOpsClient is not disposable (one client per application); its idle connections close
        // when the emulator stops.
        _loggerFactory.Dispose();
        await Emulator.DisposeAsync();
    }
}
