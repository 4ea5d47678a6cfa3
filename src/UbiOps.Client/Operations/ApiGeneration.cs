namespace UbiOps.Client;

/// <summary>
/// A generation of the API, named by the date of the docs that describe it: what it serves and how
/// its list reads its filters. Two are in use: <see cref="July2024"/> and <see cref="December2025"/>,
/// the service as it is today. The client works with either without being told which; the
/// emulator serves the one it is started with.
/// </summary>
public sealed class ApiGeneration
{
    private ApiGeneration(string name, ApiListRules list, bool readsPriority, bool readsNotificationGroup, bool sendsRetries, bool sendsAdditionalData)
    {
        Name = name;
        List = list;
        ReadsPriority = readsPriority;
        ReadsNotificationGroup = readsNotificationGroup;
        SendsRetries = sendsRetries;
        SendsAdditionalData = sendsAdditionalData;
    }

    /// <summary>
    /// The API as the official Python client 4.5.1 documented it (July 2024): 16 operations; its
    /// list shows every status unless filtered and reads <c>sort</c>, <c>success</c>,
    /// <c>pipeline</c> and <c>request_schedule</c>.
    /// </summary>
    public static ApiGeneration July2024 { get; } = new("2024-07", ApiListRules.July2024,
        readsPriority: false, readsNotificationGroup: true, sendsRetries: true, sendsAdditionalData: false);

    /// <summary>
    /// The API as the official Python client 4.12.0 documents it (December 2025), the service as it
    /// is today: 22 operations (batch cancel, the input and the output of a request added),
    /// <c>priority</c> on creates, and a list that shows only completed requests unless filtered.
    /// </summary>
    public static ApiGeneration December2025 { get; } = new("2025-12", ApiListRules.December2025,
        readsPriority: true, readsNotificationGroup: false, sendsRetries: false, sendsAdditionalData: true);

    /// <summary>Every generation, oldest first.</summary>
    public static IReadOnlyList<ApiGeneration> All { get; } = [July2024, December2025];

    /// <summary>The newest generation: the service as it is today.</summary>
    public static ApiGeneration Latest => December2025;

    /// <summary>The date of its docs, e.g. <c>2025-12</c>.</summary>
    public string Name { get; }

    /// <summary>How its list operation reads its filters.</summary>
    public ApiListRules List { get; }

    /// <summary>Whether creates read <c>priority</c>.</summary>
    public bool ReadsPriority { get; }

    /// <summary>Whether batch creates read <c>notification_group</c>.</summary>
    public bool ReadsNotificationGroup { get; }

    /// <summary>Whether request details carry <c>retries</c>.</summary>
    public bool SendsRetries { get; }

    /// <summary>Whether request details carry <c>additional_data</c>.</summary>
    public bool SendsAdditionalData { get; }

    /// <summary>Whether it serves an operation.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>Whether the operation's routes exist on a server of this generation.</returns>
    public bool Serves(ApiOperation operation) =>
        operation != ApiOperation.Other && ApiOperations.Get(operation).ServedBy.Contains(this);

    /// <summary>The generation named <paramref name="name"/>.</summary>
    /// <param name="name">A generation's name, e.g. <c>2024-07</c>.</param>
    /// <returns>The generation.</returns>
    /// <exception cref="FormatException">No generation has that name; the message names those that do.</exception>
    public static ApiGeneration Parse(string name) =>
        All.FirstOrDefault(g => string.Equals(g.Name, name?.Trim(), StringComparison.Ordinal))
        ?? throw new FormatException($"'{name}' is not an API generation; use {string.Join(" or ", All.Select(g => g.Name))}.");

    /// <inheritdoc />
    public override string ToString() => Name;
}
