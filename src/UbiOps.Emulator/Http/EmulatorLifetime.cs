namespace UbiOps.Emulator.Http;

/// <summary>The emulator's stopping signal: running requests stop, and new work is refused with 503.</summary>
internal sealed class EmulatorLifetime : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken Stopping => _stopping.Token;

    public void Stop() => _stopping.Cancel();

    public void ThrowIfStopping()
    {
        if (_stopping.IsCancellationRequested)
        {
            throw new ApiProblem(StatusCodes.Status503ServiceUnavailable, "The emulator is stopping; the request was not completed.");
        }
    }

    public void Dispose() => _stopping.Dispose();
}
