using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UbiOps.Client;

/// <summary>
/// A loopback reverse proxy in front of the emulator that counts every call the side under test
/// sends (and the 429 answers it gets), the same way for every side: library, CLI process or loop.
/// </summary>
internal sealed class CountingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private ConcurrentDictionary<ApiOperation, int> _calls = new();
    private int _throttled;

    private CountingProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public string BaseUrl { get; private set; } = "";

    public static async Task<CountingProxy> StartAsync(string emulatorRoot)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = new Uri(emulatorRoot), Timeout = Timeout.InfiniteTimeSpan,
        };
        var proxy = new CountingProxy(app, upstream);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.BaseUrl = address.TrimEnd('/') + "/v2.1";
        return proxy;
    }

    /// <summary>Starts counting afresh and returns the counts so far.</summary>
    public CallCounts Reset()
    {
        var counts = Counts();
        _calls = new ConcurrentDictionary<ApiOperation, int>();
        Interlocked.Exchange(ref _throttled, 0);
        return counts;
    }

    public CallCounts Counts() => new(_calls.ToDictionary(p => p.Key, p => p.Value), Volatile.Read(ref _throttled));

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        _calls.AddOrUpdate(Operation(request), 1, (_, n) => n + 1);
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.QueryString);
        if (request.ContentLength is > 0 || request.Headers.ContainsKey("Transfer-Encoding"))
        {
            forward.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var answer = await _upstream.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        if (answer.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref _throttled);
        }

        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        if (Trace is null)
        {
            await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            return;
        }

        // UBIOPS_BENCH_TRACE=1: one line per call, to see when polls come and what they find.
        var body = await answer.Content.ReadAsStringAsync(context.RequestAborted);
        var finished = body.Split("\"time_completed\":\"").Length - 1;
        Console.Error.WriteLine($"    trace {Trace.Elapsed.TotalSeconds,8:F3} s {Operation(request),-12} {(int)answer.StatusCode} finished={finished}");
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    private static readonly Stopwatch? Trace = Environment.GetEnvironmentVariable("UBIOPS_BENCH_TRACE") == "1" ? Stopwatch.StartNew() : null;

    // The client's own table of routes names the operation, so every side is counted by one rule.
    private static ApiOperation Operation(HttpRequest request) =>
        ApiRoutes.Match(request.Method, request.Path.Value ?? "")?.Info.Operation ?? ApiOperation.Other;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}

/// <summary>Calls one side made, by operation, and the 429 answers it got.</summary>
internal sealed record CallCounts(IReadOnlyDictionary<ApiOperation, int> ByOperation, int Throttled)
{
    public int Total => ByOperation.Values.Sum();

    public int Of(ApiOperation operation) => ByOperation.GetValueOrDefault(operation);
}
