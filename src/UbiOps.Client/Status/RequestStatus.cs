using Newtonsoft.Json;

namespace UbiOps.Client;

/// <summary>
/// The status of a deployment request. The known statuses are static members; any other string a
/// server sends is kept as it is (as data, never as an error) and counts as not terminal.
/// </summary>
/// <remarks>Statuses compare without regard to case.</remarks>
[JsonConverter(typeof(RequestStatusJsonConverter))]
public readonly struct RequestStatus : IEquatable<RequestStatus>
{
    private readonly string? _value;

    /// <summary>Wraps a status string.</summary>
    /// <param name="value">The status as the server spells it.</param>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public RequestStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>Queued, not yet processing.</summary>
    public static RequestStatus Pending { get; } = new("pending");

    /// <summary>Being processed by the deployment.</summary>
    public static RequestStatus Processing { get; } = new("processing");

    /// <summary>Finished with a result. Terminal.</summary>
    public static RequestStatus Completed { get; } = new("completed");

    /// <summary>Finished with an error message. Terminal.</summary>
    public static RequestStatus Failed { get; } = new("failed");

    /// <summary>Cancelled. Terminal.</summary>
    public static RequestStatus Cancelled { get; } = new("cancelled");

    /// <summary>Cancelling: on the way to <see cref="Cancelled"/>, not terminal.</summary>
    public static RequestStatus CancelledPending { get; } = new("cancelled_pending");

    /// <summary>The status as the server spells it; empty for <see langword="default"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>
    /// Whether the request is finished: <see cref="Completed"/>, <see cref="Failed"/> or
    /// <see cref="Cancelled"/>. Unknown statuses are not terminal.
    /// </summary>
    public bool IsTerminal => Equals(Completed) || Equals(Failed) || Equals(Cancelled);

    /// <summary>Whether this is one of the statuses the API documents (see <see cref="Known"/>).</summary>
    public bool IsKnown => Known.Contains(this);

    /// <summary>The statuses the API documents, in the order of a request's life.</summary>
    public static IReadOnlyList<RequestStatus> Known { get; } = [Pending, Processing, Completed, Failed, Cancelled, CancelledPending];

    /// <summary>Wraps a status string.</summary>
    /// <param name="value">The status.</param>
    public static implicit operator RequestStatus(string value) => new(value);

    /// <summary>Whether two statuses are the same, ignoring case.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    public static bool operator ==(RequestStatus left, RequestStatus right) => left.Equals(right);

    /// <summary>Whether two statuses differ, ignoring case.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    public static bool operator !=(RequestStatus left, RequestStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(RequestStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RequestStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
