using Spectre.Console;
using UbiOps.Cli.Run;
using UbiOps.Client;

namespace UbiOps.Cli.Progress;

/// <summary>A live progress bar on an interactive stderr.</summary>
internal sealed class SpectreProgressDisplay(TextWriter error) : IProgressDisplay
{
    public Task RunAsync(long? total, Func<IRunObserver, Task> body)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("running", maxValue: Math.Max(total ?? 1, 1));
                task.IsIndeterminate = total is null;
                await body(new Observer(console, task));
                if (total is null || total == 0)
                {
                    task.Value = task.MaxValue;
                }

                task.StopTask();
            });
    }

    private sealed class Observer(IAnsiConsole console, ProgressTask task) : IRunObserver
    {
        private long _submitted, _written, _failed;
        private DateTimeOffset? _rateLimitedUntil;

        public void Progress(RunProgress progress)
        {
            Interlocked.Exchange(ref _submitted, progress.Submitted);
            _rateLimitedUntil = progress.RateLimitedUntil;
            Describe();
        }

        public void Written(ResultLine line)
        {
            Interlocked.Increment(ref _written);
            if (!line.Succeeded)
            {
                Interlocked.Increment(ref _failed);
            }

            task.Increment(1);
            Describe();
        }

        public void Malformed(string message) =>
            console.MarkupLineInterpolated($"[yellow]malformed input, {message}[/]");

        private void Describe() => task.Description =
            $"{Interlocked.Read(ref _written)} done, {Interlocked.Read(ref _failed)} failed, {Interlocked.Read(ref _submitted)} submitted" +
            (_rateLimitedUntil is { } until ? $", rate limit: waiting {RateLimitWait.Describe(until)}" : string.Empty);
    }
}
