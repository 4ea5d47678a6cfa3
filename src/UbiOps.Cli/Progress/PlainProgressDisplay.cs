using System.Diagnostics;
using UbiOps.Cli.Run;
using UbiOps.Client;

namespace UbiOps.Cli.Progress;

/// <summary>
/// Progress as plain lines (for logs and pipes): one every <c>interval</c> at most, and malformed
/// inputs as they are found.
/// </summary>
internal sealed class PlainProgressDisplay(TextWriter error, TimeSpan interval) : IProgressDisplay
{
    public Task RunAsync(long? total, Func<IRunObserver, Task> body) => body(new Observer(error, interval, total));

    private sealed class Observer(TextWriter error, TimeSpan interval, long? total) : IRunObserver
    {
        private readonly Stopwatch _sinceReport = Stopwatch.StartNew();
        private readonly Lock _lock = new();
        private long _submitted, _written, _failed;
        private DateTimeOffset? _rateLimitedUntil;

        public void Progress(RunProgress progress)
        {
            lock (_lock)
            {
                _submitted = progress.Submitted;
                if (progress.RateLimitedUntil != _rateLimitedUntil && progress.RateLimitedUntil is { } until && interval != TimeSpan.MaxValue)
                {
                    error.WriteLine($"progress: waiting for the API's rate-limit window (resets in {RateLimitWait.Describe(until)})");
                }

                _rateLimitedUntil = progress.RateLimitedUntil;
            }
        }

        public void Written(ResultLine line)
        {
            lock (_lock)
            {
                _written++;
                if (!line.Succeeded)
                {
                    _failed++;
                }

                if (_sinceReport.Elapsed >= interval)
                {
                    _sinceReport.Restart();
                    var of = total is { } t ? $"/{t}" : string.Empty;
                    error.WriteLine($"progress: {_written}{of} done ({_failed} failed), {_submitted} submitted");
                }
            }
        }

        public void Malformed(string message)
        {
            lock (_lock)
            {
                error.WriteLine($"malformed input, {message}");
            }
        }
    }
}
