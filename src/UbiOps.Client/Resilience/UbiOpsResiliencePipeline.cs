using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace UbiOps.Client;

/// <summary>
/// Builds the Polly pipeline every call of the client goes through, with or without dependency
/// injection: a total timeout, retries by <see cref="RetryRules"/>, and a timeout per attempt.
/// </summary>
internal static class UbiOpsResiliencePipeline
{
    /// <summary>The name the pipeline is registered under in dependency injection.</summary>
    public const string Name = "ubiops";

    // The failures of one call so far that count against its retry budget (429s do not).
    private static readonly ResiliencePropertyKey<int> Failures = new("ubiops.retry.failures");

    public static ResiliencePipelineBuilder<HttpResponseMessage> AddUbiOpsStrategies(
        this ResiliencePipelineBuilder<HttpResponseMessage> builder, UbiOpsResilienceOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        builder.TimeProvider = timeProvider;

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "total-timeout",
            TimeoutGenerator = args => ValueTask.FromResult(RequestTimeouts.Total(args.Context.GetRequestMessage(), options)),
        });

        if (options.MaxRetryAttempts > 0)
        {
            var heartbeat = new ServerHeartbeat(timeProvider);
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                // RetryRules decide when to stop (429s do not count; the total timeout bounds them all).
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var failures = args.Context.Properties.GetValue(Failures, 0);
                    var verdict = RetryRules.Judge(ApiCall.IsSafeToRepeat(request), args.Outcome.Result, args.Outcome.Exception,
                        failures, RequestTimeouts.Attempt(request, options), heartbeat, options, timeProvider);
                    if (verdict == RetryRules.Verdict.RetryCounted)
                    {
                        args.Context.Properties.Set(Failures, failures + 1);
                    }

                    return ValueTask.FromResult(verdict != RetryRules.Verdict.Stop);
                },
                // The server's own wait (Retry-After, x-ratelimit-reset) wins over backoff.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? ServerRequestedDelay.From(response, timeProvider) : null),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "attempt-timeout",
            TimeoutGenerator = args => ValueTask.FromResult(RequestTimeouts.Attempt(args.Context.GetRequestMessage(), options)),
        });

        return builder;
    }
}
