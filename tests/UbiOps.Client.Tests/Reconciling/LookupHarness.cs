namespace UbiOps.Client.Tests.Reconciling;

/// <summary>
/// A look-up of a lost create against a <see cref="FakeRequestsServer"/> of one generation, on a
/// clock whose pauses end at once. The server's clock is known to be within half a second of ours.
/// </summary>
internal sealed class LookupHarness : IDisposable
{
    public static readonly TimeSpan VisibilityDelay = TimeSpan.FromSeconds(2);

    public LookupHarness(ApiGeneration generation)
    {
        Api = new ApiMock();
        Server = new FakeRequestsServer(Api, generation, Time.GetUtcNow());
        Facts.Clock.Observe(Server.Now.AddSeconds(-1), Server.Now, [Server.Now.AddSeconds(-0.5)]);
        Route = new RequestRoute(Api.Client.Raw, "proj", "echo", null);
        Reconciler = new CreateReconciler(Route, Facts, new ReconcileSettings(VisibilityDelay, Time));
    }

    public InstantTimeProvider Time { get; } = new();

    public ApiMock Api { get; }

    public FakeRequestsServer Server { get; }

    public ServerFacts Facts { get; } = new();

    public RequestRoute Route { get; }

    public CreateReconciler Reconciler { get; }

    /// <summary>
    /// The call was sent 10 s before the test's start and given up 5 s before it: its window is from
    /// 11.5 s before the start to 1.5 s after the moment of each look (a server may store a call it
    /// was still holding when the client gave up, up to when it is looked for).
    /// </summary>
    public Task<Reconciliation> LookUpAsync(IReadOnlyList<RequestInput> inputs, Func<string, bool>? isKnown = null, DateTimeOffset? notBefore = null) =>
        Reconciler.ReconcileAsync(inputs, Server.Now.AddSeconds(-10), Server.Now.AddSeconds(-5), isKnown ?? (_ => false), CancellationToken.None, notBefore);

    public static RequestInput[] Inputs(params int[] values) => values.Select(v => RequestInput.FromObject(new { n = v })).ToArray();

    public void Dispose() => Api.Dispose();
}
