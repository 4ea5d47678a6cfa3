namespace UbiOps.Client;

/// <summary>How a generation's list operation reads its filters (see <see cref="ApiGeneration.List"/>).</summary>
public sealed class ApiListRules
{
    private ApiListRules() { }

    internal static ApiListRules July2024 { get; } = new()
    {
        DefaultStatus = null,
        Statuses = RequestStatus.Known,
        CombinesStatuses = false,
        ListedAlone = [],
        DatesOnlyForFinished = false,
        ReadsSort = true,
        ReadsDeprecatedFilters = true,
    };

    internal static ApiListRules December2025 { get; } = new()
    {
        DefaultStatus = RequestStatus.Completed,
        Statuses = [RequestStatus.Pending, RequestStatus.Processing, RequestStatus.Completed, RequestStatus.Failed, RequestStatus.Cancelled],
        CombinesStatuses = true,
        ListedAlone = [RequestStatus.Pending, RequestStatus.Processing],
        DatesOnlyForFinished = true,
        ReadsSort = false,
        ReadsDeprecatedFilters = false,
    };

    /// <summary>The only status listed when no <c>status</c> is given; <see langword="null"/> when every status is.</summary>
    public RequestStatus? DefaultStatus { get; private init; }

    /// <summary>The statuses <c>status</c> may name.</summary>
    public IReadOnlyList<RequestStatus> Statuses { get; private init; } = [];

    /// <summary>Whether <c>status</c> may name several statuses, separated by commas.</summary>
    public bool CombinesStatuses { get; private init; }

    /// <summary>The statuses that cannot be combined with others.</summary>
    public IReadOnlyList<RequestStatus> ListedAlone { get; private init; } = [];

    /// <summary>
    /// Whether <c>start_date</c>, <c>end_date</c> and <c>search_id</c> apply only to finished
    /// requests (see <see cref="RequestStatus.IsTerminal"/>): a list of <c>pending</c> or
    /// <c>processing</c> requests cannot take them.
    /// </summary>
    public bool DatesOnlyForFinished { get; private init; }

    /// <summary>Whether <c>sort</c> is read; when not, the newest requests come first.</summary>
    public bool ReadsSort { get; private init; }

    /// <summary>Whether <c>success</c>, <c>pipeline</c> and <c>request_schedule</c> are read; when not, they are ignored.</summary>
    public bool ReadsDeprecatedFilters { get; private init; }
}
