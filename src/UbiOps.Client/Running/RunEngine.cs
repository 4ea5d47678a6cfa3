using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace UbiOps.Client;

/// <summary>
/// The one engine behind <see cref="DeploymentScope.RunAsync(IAsyncEnumerable{RequestInput}, RunOptions?, CancellationToken)"/>,
/// <see cref="DeploymentScope.WaitAsync(IEnumerable{string}, WaitOptions?, CancellationToken)"/>
/// and the CLI's <c>run</c>: reads inputs as the window allows, submits them in full batches,
/// polls the oldest unfinished requests across all batches at the times the <see cref="PollPlanner"/>
/// gives, within the rate-limit window, and hands out one outcome per input.
/// </summary>
internal sealed class RunEngine(RequestRoute route, RateBudget? budget, ServerFacts server, EngineSettings settings)
{
    public async IAsyncEnumerable<RequestOutcome> RunAsync(IAsyncEnumerable<RunItem> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<RequestOutcome>(new UnboundedChannelOptions { SingleReader = true });
        using var run = new RunState(settings, new RequestLedger(settings.InOrder, settings.Total, channel.Writer, settings.Time), cancellationToken, budget);
        var submitter = new BatchSubmitter(route, settings, run, server);
        var poller = new Poller(route, budget, settings, run);
        var submitting = Task.Run(() => submitter.RunAsync(items), CancellationToken.None);
        var polling = Task.Run(poller.RunAsync, CancellationToken.None);
        _ = Task.WhenAll(submitting, polling).ContinueWith(_ => channel.Writer.TryComplete(), TaskScheduler.Default);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var outcome))
                {
                    yield return outcome;
                    run.Released();
                }
            }
        }
        finally
        {
            // Stopped (done, broken off, cancelled, failed): no new calls, but creates in flight are
            // answered and told to the journal, so every request that exists is known.
            run.StopAll();
            await Task.WhenAll(submitting, polling).ConfigureAwait(false);
        }

        run.ThrowIfFailed();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
