namespace UbiOps.Client;

/// <summary>
/// Which requests a list call returns. Every property is optional; unset ones are not sent, so the
/// server's defaults apply: the 50 newest requests, completed ones only on today's service (the
/// 2025-12 generation), of any status on a server of the 2024-07 generation.
/// </summary>
/// <remarks>
/// Today's service lists <see cref="RequestStatus.Pending"/> and <see cref="RequestStatus.Processing"/>
/// requests only when <see cref="Status"/> names them, and applies <see cref="StartDate"/>,
/// <see cref="EndDate"/> and <see cref="SearchId"/> only to finished requests. See
/// <see cref="ApiGeneration"/>.
/// </remarks>
/// <example>
/// <code>
/// var failedToday = new RequestFilter { Status = RequestStatus.Failed, StartDate = DateTimeOffset.Now.Date, Limit = 100 };
/// </code>
/// </example>
public sealed record RequestFilter
{
    /// <summary>The server's page size when no <see cref="Limit"/> is sent.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Only requests with this status (one of the known statuses).</summary>
    /// <value>The default value is <see langword="null"/>: the server's default, which is completed requests only on today's service and any status on a 2024-07 one.</value>
    public RequestStatus? Status { get; init; }

    /// <summary>Only requests created at or after this moment; sent with its offset.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>Only requests created at or before this moment; sent with its offset.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>Sort by creation time, ascending or descending (read only by the 2024-07 generation: today's service lists the newest first).</summary>
    /// <value>The default value is <see langword="null"/>: the server sorts descending (newest first).</value>
    [Obsolete("Read only by servers of the 2024-07 generation; today's service (2025-12) ignores it.")]
    public SortDirection? Sort { get; init; }

    /// <summary>Only requests that were (or were not) part of a pipeline request (read only by the 2024-07 generation).</summary>
    /// <value>The default value is <see langword="null"/>: both.</value>
    [Obsolete("Read only by servers of the 2024-07 generation; today's service (2025-12) ignores it.")]
    public bool? Pipeline { get; init; }

    /// <summary>Only requests created by this request schedule (read only by the 2024-07 generation).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    [Obsolete("Read only by servers of the 2024-07 generation; today's service (2025-12) ignores it.")]
    public string? RequestSchedule { get; init; }

    /// <summary>Only requests whose id contains this text.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? SearchId { get; init; }

    /// <summary>The most requests one call returns; at least 1.</summary>
    /// <value>The default value is <see langword="null"/>: the server returns <see cref="DefaultLimit"/>.</value>
    public int? Limit { get; init; }

    /// <summary>How many matching requests to skip; at least 0.</summary>
    /// <value>The default value is <see langword="null"/>: none.</value>
    public int? Offset { get; init; }

    /// <summary>Only requests that succeeded (or did not).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    [Obsolete("The API deprecated 'success'; filter on Status instead.")]
    public bool? Success { get; init; }

    /// <summary>
    /// Checks the filter and throws an <see cref="ArgumentException"/> naming the field that is wrong.
    /// </summary>
    /// <exception cref="ArgumentException">A field has a value the API rejects.</exception>
    public void Validate()
    {
        if (Status is { } status && !status.IsKnown)
        {
            throw new ArgumentException(
                $"The list filter accepts only the known statuses ({string.Join(", ", RequestStatus.Known)}), not '{status}'.",
                nameof(Status));
        }

        if (Limit is < 1)
        {
            throw new ArgumentException($"{nameof(Limit)} must be at least 1, but is {Limit}.", nameof(Limit));
        }

        if (Offset is < 0)
        {
            throw new ArgumentException($"{nameof(Offset)} must be 0 or more, but is {Offset}.", nameof(Offset));
        }

        if (StartDate is { } start && EndDate is { } end && start > end)
        {
            throw new ArgumentException(
                $"{nameof(StartDate)} ({start:o}) is after {nameof(EndDate)} ({end:o}).", nameof(StartDate));
        }

#pragma warning disable CS0618 // checked while callers may still set them
        if (RequestSchedule is not null && string.IsNullOrWhiteSpace(RequestSchedule))
        {
            throw new ArgumentException($"{nameof(RequestSchedule)} must not be empty when set.", nameof(RequestSchedule));
        }

        if (SearchId is not null && string.IsNullOrWhiteSpace(SearchId))
        {
            throw new ArgumentException($"{nameof(SearchId)} must not be empty when set.", nameof(SearchId));
        }

        if (Sort is { } sort && !Enum.IsDefined(sort))
        {
            throw new ArgumentException($"{nameof(Sort)} has an unknown value {(int)sort}.", nameof(Sort));
        }
#pragma warning restore CS0618
    }
}
