namespace UbiOps.Client;

/// <summary>
/// How the client retries and times out its HTTP calls. Each call is classified by method and path,
/// and only what is safe for that operation is retried.
/// </summary>
/// <remarks>
/// <para>
/// Reads (get, list, collect), cancels and deletes are retried after <c>408</c>, <c>429</c>, any
/// <c>5xx</c>, a network error or an attempt timeout, with exponential backoff and jitter.
/// </para>
/// <para>
/// Creates (direct and batch) are retried only after a clear rejection: a <c>429</c>, or a
/// connection that could not be opened. After a <c>5xx</c>, a timeout or a connection lost after
/// sending, the server may have accepted the request, and repeating it would run the model twice:
/// the client looks it up on the server instead (see <see cref="ReconcileDelay"/>), and sends it
/// again only if it provably was not made.
/// </para>
/// <para>
/// A <c>429</c> or <c>503</c> waits as long as its <c>Retry-After</c> or <c>x-ratelimit-reset</c>
/// header asks (the longer of the two). When the server asks for more than
/// <see cref="MaxRetryDelay"/>, the answer is returned to the caller without retrying.
/// </para>
/// <para>
/// A timeout surfaces as <see cref="Polly.Timeout.TimeoutRejectedException"/>. The client sets
/// <see cref="HttpClient.Timeout"/> to infinite, so these timeouts are the only ones that apply.
/// </para>
/// </remarks>
public sealed class UbiOpsResilienceOptions
{
    /// <summary>The largest value accepted for <see cref="MaxRetryAttempts"/>.</summary>
    public const int MaxRetryAttemptsLimit = 10;

    /// <summary>
    /// How many times a failed call may be retried, after the first attempt. <c>0</c> turns
    /// retries off (timeouts still apply).
    /// </summary>
    /// <value>The default value is <c>3</c>. Must be between <c>0</c> and <see cref="MaxRetryAttemptsLimit"/>.</value>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// How many times a failed call may be retried while the server serves other calls (it answered
    /// one within the last attempt timeout): a transient failure of one call on a working server,
    /// which a long run should ride out. Retries after a 429 count against neither limit: they wait
    /// as long as the server asks, within <see cref="TotalTimeout"/>. Has no effect when it is not
    /// above <see cref="MaxRetryAttempts"/>, nor when <see cref="MaxRetryAttempts"/> is <c>0</c>.
    /// </summary>
    /// <value>The default value is <c>10</c>. Must be between <c>0</c> and <see cref="MaxRetryAttemptsLimit"/>.</value>
    public int MaxRetryAttemptsWhileServing { get; set; } = 10;

    /// <summary>
    /// The median wait before the first retry when the server does not say how long to wait;
    /// later waits grow exponentially, with jitter.
    /// </summary>
    /// <value>The default value is 1 second. Must be between zero and 1 hour.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait between two attempts: backoff is capped at this value, and a server that
    /// asks (via <c>Retry-After</c> or <c>x-ratelimit-reset</c>) for a longer wait is not retried.
    /// </summary>
    /// <value>The default value is 60 seconds, the length of the UbiOps rate-limit window. Must be positive.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one attempt of a read, collect, cancel or delete may take before it is abandoned
    /// (and retried).
    /// </summary>
    /// <value>The default value is 30 seconds. Must be between 10 milliseconds and 1 day.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one batch create may take, uploading up to 250 inputs. A batch create that times
    /// out is not retried.
    /// </summary>
    /// <value>The default value is 2 minutes. Must be between 10 milliseconds and 1 day.</value>
    public TimeSpan BatchCreateTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Added to a direct request's own <c>timeout</c> (300 seconds when not given, at most 3600) to
    /// give its single attempt time for the network and the server's own overhead.
    /// </summary>
    /// <value>The default value is 30 seconds. Must be between zero and 1 hour.</value>
    public TimeSpan DirectRequestTimeoutMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long all attempts and waits of one call may take together. For creates, whose attempt
    /// runs once in full, the attempt's own timeout is added to this budget.
    /// </summary>
    /// <value>The default value is 3 minutes. Must be between 10 milliseconds and 1 day.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How long to wait, after a create lost its answer (a <c>5xx</c>, a timeout, a dropped
    /// connection), before looking for its requests on the server: stored requests can take a
    /// moment to show. The server is looked at twice, this long apart, before concluding that the
    /// create made nothing and may be sent again.
    /// </summary>
    /// <value>The default value is 2 seconds. Must be between zero and 1 minute.</value>
    public TimeSpan ReconcileDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest one call may take (<see cref="AttemptTimeout"/>, <see cref="BatchCreateTimeout"/>): a day.</summary>
    public static readonly TimeSpan MaxCallTimeout = TimeSpan.FromDays(1);

    /// <summary>The problems with these settings, each naming the setting; empty when they are valid.</summary>
    internal IEnumerable<string> FindProblems()
    {
        const string prefix = nameof(UbiOpsClientOptions.Resilience) + ".";
        if (MaxRetryAttempts is < 0 or > MaxRetryAttemptsLimit)
        {
            yield return $"{prefix}{nameof(MaxRetryAttempts)} must be between 0 and {MaxRetryAttemptsLimit}, not {MaxRetryAttempts}.";
        }

        if (MaxRetryAttemptsWhileServing is < 0 or > MaxRetryAttemptsLimit)
        {
            yield return $"{prefix}{nameof(MaxRetryAttemptsWhileServing)} must be between 0 and {MaxRetryAttemptsLimit}, not {MaxRetryAttemptsWhileServing}.";
        }

        foreach (var problem in CheckRange(nameof(BaseDelay), BaseDelay, TimeSpan.Zero, TimeSpan.FromHours(1))
            .Concat(CheckRange(nameof(MaxRetryDelay), MaxRetryDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1)))
            .Concat(CheckRange(nameof(AttemptTimeout), AttemptTimeout, TimeSpan.FromMilliseconds(10), MaxCallTimeout))
            .Concat(CheckRange(nameof(BatchCreateTimeout), BatchCreateTimeout, TimeSpan.FromMilliseconds(10), MaxCallTimeout))
            .Concat(CheckRange(nameof(DirectRequestTimeoutMargin), DirectRequestTimeoutMargin, TimeSpan.Zero, TimeSpan.FromHours(1)))
            .Concat(CheckRange(nameof(TotalTimeout), TotalTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1)))
            .Concat(CheckRange(nameof(ReconcileDelay), ReconcileDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1))))
        {
            yield return prefix + problem;
        }
    }

    private static IEnumerable<string> CheckRange(string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            yield return $"{name} must be between {min} and {max}, not {value}.";
        }
    }
}
