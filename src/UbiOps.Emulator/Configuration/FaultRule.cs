using UbiOps.Client;

namespace UbiOps.Emulator;

/// <summary>
/// A fault placed on exact calls: the next <see cref="Count"/> calls of <see cref="Operation"/>
/// (after letting <see cref="Skip"/> through) get <see cref="Kind"/>. Add it with
/// <see cref="UbiOpsEmulator.AddFaultRule"/>; rules are tried in the order they were added, before
/// the random <see cref="FaultOptions"/>.
/// </summary>
/// <example>
/// <code>
/// // The second batch create is stored, then its answer is lost.
/// var rule = emulator.AddFaultRule(new FaultRule(FaultKind.DropAfterCommit, ApiOperation.BatchCreate) { Skip = 1 });
/// </code>
/// </example>
public sealed class FaultRule
{
    private int _seen;
    private int _fired;

    /// <summary>Creates a rule.</summary>
    /// <param name="kind">The fault to inject.</param>
    /// <param name="operation">The calls it applies to; <see langword="null"/> for every API call.</param>
    public FaultRule(FaultKind kind, ApiOperation? operation = null)
    {
        Kind = kind;
        Operation = operation;
    }

    /// <summary>The fault injected.</summary>
    public FaultKind Kind { get; }

    /// <summary>The operation whose calls it applies to; <see langword="null"/> for every API call.</summary>
    public ApiOperation? Operation { get; }

    /// <summary>How many matching calls are let through before the first fault.</summary>
    /// <value>The default value is 0.</value>
    public int Skip { get; init; }

    /// <summary>How many matching calls get the fault; the rule is spent after that.</summary>
    /// <value>The default value is 1.</value>
    public int Count { get; init; } = 1;

    /// <summary>How long the answer is held back, for <see cref="FaultKind.DelayAfterCommit"/>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan Delay { get; init; } = FaultKinds.DefaultDelayAfterCommit;

    /// <summary>
    /// How many calls the rule has been applied to. An after-commit fault on a call that failed
    /// anyway (a 4xx: nothing was stored) counts too, though its answer is left as it was.
    /// </summary>
    public int Fired => Volatile.Read(ref _fired);

    /// <summary>Checks the rule and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException"><see cref="Skip"/> is negative, <see cref="Count"/> is below 1, or <see cref="Delay"/> is negative.</exception>
    public void Validate()
    {
        if (Skip < 0)
        {
            throw new ArgumentException("FaultRule.Skip must be 0 or more.", nameof(Skip));
        }

        if (Count < 1)
        {
            throw new ArgumentException("FaultRule.Count must be at least 1.", nameof(Count));
        }

        if (Delay < TimeSpan.Zero)
        {
            throw new ArgumentException("FaultRule.Delay must not be negative.", nameof(Delay));
        }
    }

    /// <summary>Called for each call the rule matches; whether this call gets the fault.</summary>
    internal bool TryFire()
    {
        // Called under the injector's lock, so the counts need no more than plain increments.
        if (++_seen <= Skip || _fired >= Count)
        {
            return false;
        }

        Volatile.Write(ref _fired, _fired + 1);
        return true;
    }

    /// <summary>Whether the rule has faulted all the calls it was meant to.</summary>
    internal bool Spent => _fired >= Count;
}
