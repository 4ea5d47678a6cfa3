using System.Net;

namespace UbiOps.Client.Tests.Support;

/// <summary>
/// A network double: answers each request with the next scripted step (the last step repeats)
/// and records what was sent, and when by the given clock.
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _steps = new();
    private readonly TimeProvider _timeProvider;
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _last;

    public ScriptedHandler(TimeProvider? timeProvider = null) => _timeProvider = timeProvider ?? TimeProvider.System;

    public List<SentRequest> Requests { get; } = [];

    public int Count { get { lock (Requests) { return Requests.Count; } } }

    /// <summary>Completes when a request arrives that does not answer until it is cancelled.</summary>
    public TaskCompletionSource<CancellationToken> Hanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScriptedHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    public ScriptedHandler ThenAnswer(HttpStatusCode status, string body = "{}", Action<HttpResponseMessage>? configure = null) =>
        Then((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    public ScriptedHandler ThenThrow(Exception exception) => Then((_, _) => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>Never answers: waits until the caller (or a timeout) cancels the request.</summary>
    public ScriptedHandler ThenHang() => Then(async (_, cancellationToken) =>
    {
        Hanging.TrySetResult(cancellationToken);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step;
        lock (Requests)
        {
            Requests.Add(new SentRequest(request.Method, request.RequestUri!, request.Headers.ToString(), _timeProvider.GetUtcNow()));
            step = _steps.Count > 0 ? (_last = _steps.Dequeue()) : _last ?? throw new InvalidOperationException("Nothing scripted.");
        }

        return step(request, cancellationToken);
    }

    internal sealed record SentRequest(HttpMethod Method, Uri Uri, string Headers, DateTimeOffset At);
}
