using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using UbiOps.Emulator.Deployments;
using UbiOps.Emulator.Docs;
using UbiOps.Emulator.Execution;
using UbiOps.Emulator.Http;
using UbiOps.Emulator.Packages;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator;

/// <summary>
/// A local, stateful emulator of the UbiOps Deployment Requests API, running in this process on a
/// loopback port. Start it with <see cref="StartAsync(EmulatorOptions?, CancellationToken)"/>, point a client at <see cref="BaseUrl"/> with
/// <see cref="Token"/>, and dispose it to stop.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await UbiOpsEmulator.StartAsync();
/// var client = new DeploymentRequestsClient(new HttpClient(),
///     new UbiOpsClientOptions { Token = emulator.Token, BaseUrl = emulator.BaseUrl });
/// </code>
/// </example>
public sealed class UbiOpsEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorLifetime _lifetime;
    private readonly BatchWorkerPool _pool;
    private readonly RequestStore _store;
    private readonly FaultInjection _faults;
    private readonly EmulatorDiagnostics _diagnostics;
    private readonly string? _temporaryDatabase;
    private readonly DatabaseLock? _databaseLock;
    private int _disposed;

    private UbiOpsEmulator(WebApplication app, EmulatorOptions options, Uri root, string? temporaryDatabase, DatabaseLock? databaseLock)
    {
        _databaseLock = databaseLock;
        _app = app;
        _lifetime = app.Services.GetRequiredService<EmulatorLifetime>();
        _pool = app.Services.GetRequiredService<BatchWorkerPool>();
        _store = app.Services.GetRequiredService<RequestStore>();
        _faults = app.Services.GetRequiredService<FaultInjection>();
        _diagnostics = app.Services.GetRequiredService<EmulatorDiagnostics>();
        _temporaryDatabase = temporaryDatabase;
        Token = options.Token;
        Project = options.Project;
        RootUrl = root.ToString().TrimEnd('/');
        BaseUrl = RootUrl + ApiRoutes.BasePath;
        Port = root.Port;
        DatabasePath = options.DatabasePath ?? temporaryDatabase!;
    }

    /// <summary>The API base URL, e.g. <c>http://127.0.0.1:12345/v2.1</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:12345</c>, where <c>/docs</c> and <c>/openapi.yaml</c> are served.</summary>
    public string RootUrl { get; }

    /// <summary>The port the emulator listens on.</summary>
    public int Port { get; }

    /// <summary>The token the emulator accepts.</summary>
    public string Token { get; }

    /// <summary>The project the emulator serves.</summary>
    public string Project { get; }

    /// <summary>The SQLite file that holds the requests (a temporary one unless <see cref="EmulatorOptions.DatabasePath"/> was set).</summary>
    public string DatabasePath { get; }

    /// <summary>How many times deployment code was started, over all requests, since this emulator started.</summary>
    public int TotalExecutions => _store.TotalRuns;

    /// <summary>The faults injected into API calls; set to <see langword="null"/> to stop injecting.</summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public FaultOptions? Faults
    {
        get => _faults.Options;
        set => _faults.Options = value;
    }

    /// <summary>
    /// Places a fault on exact calls (see <see cref="FaultRule"/>): tried before the random
    /// <see cref="Faults"/>, in the order added, until spent. A single call can also ask for a fault
    /// itself with the <c>X-UbiOps-Emulator-Fault</c> request header (e.g. <c>drop-after</c>).
    /// </summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The rule, whose <see cref="FaultRule.Fired"/> tells how often it was applied.</returns>
    /// <exception cref="ArgumentException">The rule is not valid.</exception>
    public FaultRule AddFaultRule(FaultRule rule) => _faults.Add(rule);

    /// <summary>Removes the fault rules that are not spent yet.</summary>
    public void ClearFaultRules() => _faults.ClearRules();

    /// <summary>
    /// How many faults of each kind were injected since the emulator started, by rules, header and
    /// random faults together (an after-commit fault counts when the call was carried out).
    /// </summary>
    public IReadOnlyDictionary<FaultKind, int> InjectedFaults => _faults.Injected;

    /// <summary>Answers that were unexpected server errors (500 from the exception handler); 0 when all is well.</summary>
    internal int UnexpectedErrors => _diagnostics.UnexpectedErrors;

    /// <summary>
    /// Starts an emulator with the default options: project <c>demo</c>, token <c>emulator-token</c>,
    /// the default deployments, a temporary database and a free loopback port.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static Task<UbiOpsEmulator> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(options: null, cancellationToken);

    /// <summary>
    /// Starts an emulator: opens (or creates) its database, resumes pending and processing batch requests,
    /// and listens on <see cref="EmulatorOptions.Host"/> and <see cref="EmulatorOptions.Port"/>.
    /// </summary>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    /// <exception cref="FormatException">The deployment config file is not valid.</exception>
    /// <exception cref="FileNotFoundException">A deployment is a Python package and <see cref="EmulatorOptions.PythonExecutable"/> was not found.</exception>
    /// <exception cref="DatabaseInUseException">Another emulator uses <see cref="EmulatorOptions.DatabasePath"/>.</exception>
    public static async Task<UbiOpsEmulator> StartAsync(EmulatorOptions? options, CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        options ??= new EmulatorOptions();
        options.Validate();
        var catalog = DeploymentCatalog.From(options);
        var python = PythonExecutable.RequireFor(catalog.Deployments, options.PythonExecutable);
        var address = ListenAddress(options.Host);
        var temporaryDatabase = options.DatabasePath is null
            ? Path.Combine(Path.GetTempPath(), $"ubiops-emulator-{Guid.NewGuid():N}.db")
            : null;
        var databaseLock = options.DatabasePath is null ? null : DatabaseLock.Acquire(options.DatabasePath);
        RequestStore? store = null;
        WebApplication? app = null;
        try
        {
            store = RequestStore.Open(options.DatabasePath ?? temporaryDatabase!);
            app = EmulatorHost.Build(options, catalog, store, address, python);
            var pool = app.Services.GetRequiredService<BatchWorkerPool>();
            var executor = app.Services.GetRequiredService<RequestExecutor>();
            // Recover before listening, so no new request is mistaken for an interrupted one.
            pool.Enqueue(await store.RecoverAsync(executor.Now(), ct).ConfigureAwait(false));
            await app.StartAsync(ct).ConfigureAwait(false);
            pool.Start(options.Workers, app.Services.GetRequiredService<EmulatorLifetime>().Stopping);

            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var port = new Uri(bound).Port;
            var shownHost = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "127.0.0.1"
                : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
            return new UbiOpsEmulator(app, options, new Uri($"http://{shownHost}:{port}"), temporaryDatabase, databaseLock);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            store?.Dispose();
            databaseLock?.Dispose();
            DeleteFiles(temporaryDatabase);
            throw;
        }
    }

    /// <summary>How many times deployment code was started for a request since this emulator started (0, 1, or more after a retry).</summary>
    /// <param name="requestId">The request id.</param>
    /// <returns>The count.</returns>
    public int ExecutionCount(string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        return _store.RunsOf(requestId.ToLowerInvariant());
    }

    /// <summary>
    /// Stops the emulator: running requests are interrupted (batch requests stay in the database and
    /// resume on the next start with the same database), then the server stops. A temporary database is deleted.
    /// </summary>
    /// <returns>A task that completes when the emulator has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _lifetime.Stop();
        await _pool.StopAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
        _lifetime.Dispose();
        _databaseLock?.Dispose();
        DeleteFiles(_temporaryDatabase);
    }

    /// <summary>
    /// Deletes a database file (<see cref="EmulatorOptions.DatabasePath"/>) with its journal and lock
    /// files, so that the next emulator on that path starts empty. Nothing happens when there is none.
    /// </summary>
    /// <param name="databasePath">The database file.</param>
    /// <returns>Whether there was a database to delete.</returns>
    /// <exception cref="DatabaseInUseException">An emulator is using the database; nothing was deleted.</exception>
    public static bool DeleteDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var existed = File.Exists(databasePath);
        if (!existed && !File.Exists(DatabaseLock.PathOf(databasePath)))
        {
            return false;
        }

        using (DatabaseLock.Acquire(databasePath))
        {
            foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal" })
            {
                File.Delete(file);
            }

            // Deleted while held, so no other emulator can take it in between.
            File.Delete(DatabaseLock.PathOf(databasePath));
        }

        return existed;
    }

    private static IPAddress ListenAddress(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host.Trim('[', ']'), out var address) ? address
        : throw new ArgumentException($"Host '{host}' is not an IP address or 'localhost'.", nameof(host));

    private static void DeleteFiles(string? path)
    {
        if (path is null)
        {
            return;
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Best effort: a temporary file left behind is harmless.
            }
        }
    }
}
