using System.CommandLine;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Rendering;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary><c>list</c>: requests filtered on the API's list filters.</summary>
internal static class ListCommand
{
    // Table first: it is what an absent --format reads as (no DefaultValueFactory, whose help
    // would print the member's name rather than the word to type).
    private enum OutputFormat
    {
        Table,
        Json,
    }

    public static Command Build(CliEnvironment environment)
    {
        var target = new TargetOptions();
        var statuses = RequestStatus.Known.Select(s => s.Value).ToArray();
        var status = new Option<string?>("--status")
        {
            HelpName = "status",
            Description = $"Only requests with this status: {string.Join(", ", statuses)}. Without it today's service lists only completed requests " +
                          "(servers of the 2024-07 generation list every status).",
        };
        status.AcceptOnlyFromAmong(statuses);
        var success = new Option<bool?>("--success") { HelpName = "true|false", Description = "Only requests that succeeded (true) or not (false); deprecated by the API in favour of --status, read only by 2024-07 servers." };
        var limit = new Option<int?>("--limit") { Description = "At most this many requests (the API's default is 50).", HelpName = "n" };
        var offset = new Option<int?>("--offset") { Description = "Skip this many matching requests.", HelpName = "n" };
        var sort = new Option<SortDirection?>("--sort") { HelpName = "asc|desc", Description = "Order by creation time: asc or desc (the default); read only by 2024-07 servers, today's lists the newest first." };
        var pipeline = new Option<bool?>("--pipeline") { HelpName = "true|false", Description = "Only requests made (true) or not made (false) by a pipeline; read only by 2024-07 servers." };
        var schedule = new Option<string?>("--request-schedule") { Description = "Only requests created by this request schedule; read only by 2024-07 servers.", HelpName = "name" };
        var start = new Option<DateTimeOffset?>("--start-date") { Description = "Only requests created at or after this time (ISO 8601, e.g. 2024-05-01T00:00:00Z); today's service takes it only for finished statuses.", HelpName = "time" };
        var end = new Option<DateTimeOffset?>("--end-date") { Description = "Only requests created at or before this time (ISO 8601); today's service takes it only for finished statuses.", HelpName = "time" };
        var searchId = new Option<string?>("--search-id") { Description = "Only requests whose id contains this text; today's service takes it only for finished statuses.", HelpName = "text" };
        var all = new Option<bool>("--all") { Description = "Every matching request: page through all results (--limit sets the page size)." };
        var format = new Option<OutputFormat>("--format") { HelpName = "table|json", Description = "table (for people, fits 100 columns; the default) or json (an array, every field whole)." };
        var wide = new Option<bool>("--wide") { Description = "A table with full ids, versions and ISO times (wider than a terminal)." };

        var command = new Command("list",
            "List requests, newest first, filtered by status, time or id. Shows what the server answers: today's service lists only completed " +
            "requests unless --status is given, and pending or processing ones only each on their own.");
        target.AddTo(command);
        foreach (var option in new Option[] { status, success, limit, offset, sort, pipeline, schedule, start, end, searchId, all, format, wide })
        {
            command.Options.Add(option);
        }

        CommandAction.Set(command, target, environment, async context =>
        {
            var p = context.Parse;
#pragma warning disable CS0618 // --success maps the API's deprecated filter on purpose.
            var filter = new RequestFilter
            {
                Status = p.GetValue(status) is { } s ? new RequestStatus(s) : (RequestStatus?)null,
                Success = p.GetValue(success),
                Limit = p.GetValue(limit),
                Offset = p.GetValue(offset),
                Sort = p.GetValue(sort),
                Pipeline = p.GetValue(pipeline),
                RequestSchedule = p.GetValue(schedule),
                StartDate = p.GetValue(start),
                EndDate = p.GetValue(end),
                SearchId = p.GetValue(searchId),
            };
#pragma warning restore CS0618

            IReadOnlyList<DeploymentRequestList> requests;
            if (p.GetValue(all))
            {
                var collected = new List<DeploymentRequestList>();
                await foreach (var request in context.Scope.ListAllAsync(filter, context.Cancellation))
                {
                    collected.Add(request);
                }

                requests = collected;
            }
            else
            {
                requests = await context.Scope.ListAsync(filter, context.Cancellation);
            }

            if (p.GetValue(format) == OutputFormat.Json)
            {
                JsonOutput.WriteIndented(context.Out, requests);
            }
            else
            {
                RequestTable.Write(context.Out, requests, p.GetValue(wide), environment.TimeZone);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
