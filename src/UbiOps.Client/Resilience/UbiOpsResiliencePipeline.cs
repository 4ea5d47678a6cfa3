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
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(RetryRules.ShouldRetry(
                    ApiCall.IsSafeToRepeat(args.Context.GetRequestMessage()),
                    args.Outcome.Result, args.Outcome.Exception, options, timeProvider)),
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
