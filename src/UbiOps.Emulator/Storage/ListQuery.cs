namespace UbiOps.Emulator.Storage;

/// <summary>The filters, order and page of a list call, already validated.</summary>
internal sealed record ListQuery
{
    /// <summary>The statuses listed; null for every status.</summary>
    public IReadOnlyList<string>? Statuses { get; init; }

    public bool? Success { get; init; }

    public int Limit { get; init; } = RequestFilter.DefaultLimit;

    public int Offset { get; init; }

    public bool Ascending { get; init; }

    public bool? Pipeline { get; init; }

    public string? RequestSchedule { get; init; }

    /// <summary>Inclusive lower bound on creation time, Unix milliseconds.</summary>
    public long? StartDate { get; init; }

    /// <summary>Inclusive upper bound on creation time, Unix milliseconds.</summary>
    public long? EndDate { get; init; }

    public string? SearchId { get; init; }
}
