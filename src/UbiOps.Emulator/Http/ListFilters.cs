using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator.Http;

/// <summary>
/// Reads a list call's filters the way the served generation of the API does
/// (<see cref="ApiGeneration.List"/>): which statuses by default, which combine, to which requests
/// dates apply, and which filters are read at all.
/// </summary>
internal static class ListFilters
{
    public static ListQuery Read(HttpContext context, ApiListRules rules)
    {
        var statuses = Statuses(context, rules);
        var start = QueryParameters.DateTime(context, "start_date");
        var end = QueryParameters.DateTime(context, "end_date");
        var searchId = QueryParameters.String(context, "search_id");
        if (rules.DatesOnlyForFinished && statuses?.FirstOrDefault(s => !s.IsTerminal) is { Value: { Length: > 0 } } unfinished)
        {
            var given = new[] { ("start_date", start is not null), ("end_date", end is not null), ("search_id", searchId is not null) }
                .Where(p => p.Item2).Select(p => p.Item1).FirstOrDefault();
            if (given is not null)
            {
                throw ApiProblem.BadRequest(
                    $"Query parameter '{given}' is only available for completed, failed and cancelled requests, not '{unfinished}' ones.");
            }
        }

        return new ListQuery
        {
            Statuses = statuses?.Select(s => s.Value).ToArray(),
            Success = rules.ReadsDeprecatedFilters ? QueryParameters.Boolean(context, "success") : null,
            Limit = QueryParameters.Integer(context, "limit", 1) ?? RequestFilter.DefaultLimit,
            Offset = QueryParameters.Integer(context, "offset", 0) ?? 0,
            // Where sort is not read, the newest requests come first.
            Ascending = rules.ReadsSort && QueryParameters.OneOf(context, "sort", ["asc", "desc"], ignoreCase: true) == "asc",
            Pipeline = rules.ReadsDeprecatedFilters ? QueryParameters.Boolean(context, "pipeline") : null,
            RequestSchedule = rules.ReadsDeprecatedFilters ? QueryParameters.String(context, "request_schedule") : null,
            StartDate = start?.ToUnixTimeMilliseconds(),
            EndDate = end?.ToUnixTimeMilliseconds(),
            SearchId = searchId?.ToLowerInvariant(), // ids are stored in lower case
        };
    }

    /// <summary>The statuses asked for (the generation's default when none is); null for every status.</summary>
    private static IReadOnlyList<RequestStatus>? Statuses(HttpContext context, ApiListRules rules)
    {
        var text = QueryParameters.String(context, "status");
        if (text is null)
        {
            return rules.DefaultStatus is { } status ? [status] : null;
        }

        var names = rules.CombinesStatuses ? text.Split(',', StringSplitOptions.TrimEntries) : [text];
        var statuses = new List<RequestStatus>(names.Length);
        foreach (var name in names)
        {
            var known = rules.Statuses.FirstOrDefault(s => s.Value == name);
            if (known == default)
            {
                throw ApiProblem.BadRequest(
                    $"Query parameter 'status' must be {(rules.CombinesStatuses ? "one or more of" : "one of")} {string.Join(", ", rules.Statuses)}, not '{Shorten(name)}'.");
            }

            statuses.Add(known);
        }

        if (statuses.Count > 1 && statuses.FirstOrDefault(rules.ListedAlone.Contains) is { Value: { Length: > 0 } } alone)
        {
            throw ApiProblem.BadRequest($"Query parameter 'status': '{alone}' requests cannot be combined with other statuses.");
        }

        return statuses.Distinct().ToArray();
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
