using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Deployments;
using UbiOps.Emulator.Execution;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator.Http;

/// <summary>
/// The request behaviours of the API, one per operation of the table (<see cref="ApiOperations"/>).
/// Each serves both the default-version route and the explicit-version route:
/// <see cref="TargetResolver"/> turns either into a deployment version. Where the generations of
/// the API differ, the served one (<see cref="EmulatorSettings.Api"/>) decides.
/// </summary>
internal sealed class RequestHandlers(
    TargetResolver resolver,
    RequestStore store,
    RequestExecutor executor,
    BatchWorkerPool pool,
    RunningRequests running,
    EmulatorLifetime lifetime,
    EmulatorSettings settings)
{
    private static readonly int DirectDefaultTimeout = Seconds(RequestLimits.DefaultDirectTimeout), DirectMaxTimeout = Seconds(RequestLimits.MaxDirectTimeout);
    private static readonly int BatchDefaultTimeout = Seconds(RequestLimits.DefaultBatchTimeout), BatchMaxTimeout = Seconds(RequestLimits.MaxBatchTimeout);
    private static readonly int MinTimeout = Seconds(RequestLimits.MinTimeout);
    private const string CreatedBy = "emulator@ubiops.local";

    public async Task<IResult> CreateDirectAsync(HttpContext context)
    {
        var target = resolver.Resolve(context);
        var timeout = QueryParameters.Integer(context, "timeout", MinTimeout, DirectMaxTimeout) ?? DirectDefaultTimeout;
        var priority = Priority(context);
        var data = await RequestBody.ReadAsync(context, allowPlainText: true, settings.MaxRequestBodySize).ConfigureAwait(false);
        InputValidation.CheckDirect(target.Deployment, data);
        lifetime.ThrowIfStopping();

        var now = executor.Now();
        var record = NewRecord(target, data, RequestMode.Direct, timeout, notificationGroup: null, priority, now) with
        {
            Status = RequestStatus.Processing, StartedAt = now,
        };
        if (executor.RunsAtOnce(target.DeploymentName))
        {
            // Nothing to wait for: stored finished, in one commit, before the answer.
            var done = executor.RunAtOnce(record, now);
            await store.InsertAsync([done], lifetime.Stopping).ConfigureAwait(false);
            return Ok(ModelMapping.ToCreateResponse(done));
        }

        using var registration = running.Register(record.Id);
        await store.InsertAsync([record], lifetime.Stopping).ConfigureAwait(false);
        var finished = await executor.RunAsync(record, registration.Token, lifetime.Stopping).ConfigureAwait(false);
        if (finished is null)
        {
            // Only a run that produced nothing was cut short by a stop; a result stored just before
            // the stop is answered, or a retrying client would run the model twice.
            lifetime.ThrowIfStopping();
        }

        return finished is null
            ? JsonResponse.Error(StatusCodes.Status404NotFound, $"Request '{record.Id}' was deleted while it ran.")
            : Ok(ModelMapping.ToCreateResponse(finished));
    }

    public async Task<IResult> CreateBatchAsync(HttpContext context)
    {
        var target = resolver.Resolve(context);
        var timeout = QueryParameters.Integer(context, "timeout", MinTimeout, BatchMaxTimeout) ?? BatchDefaultTimeout;
        var priority = Priority(context);
        var notificationGroup = settings.Api.ReadsNotificationGroup ? QueryParameters.String(context, "notification_group") : null;
        var data = await RequestBody.ReadAsync(context, allowPlainText: false, settings.MaxRequestBodySize).ConfigureAwait(false);
        var items = InputValidation.CheckBatch(target.Deployment, data);
        lifetime.ThrowIfStopping();

        var now = executor.Now();
        var records = items.Select(item => NewRecord(target, item, RequestMode.Batch, timeout, notificationGroup, priority, now)).ToList();
        if (executor.RunsAtOnce(target.DeploymentName))
        {
            // Requests that end the moment they start (echo, fail) run in the transaction that
            // accepts them: one commit for the batch, nothing answered before it, and the client's
            // first collect finds them finished. The answer is the acceptance (pending), as always.
            await store.InsertAsync(records.Select(r => executor.RunAtOnce(r, now)).ToList(), lifetime.Stopping).ConfigureAwait(false);
        }
        else
        {
            await store.InsertAsync(records, lifetime.Stopping).ConfigureAwait(false);
            pool.Enqueue(records.Select(r => new QueuedRequest(r.Id, r.Deployment, r.Priority)));
        }

        return new JsonResponse(records.Select(ModelMapping.ToBatchCreateResponse).ToList(), StatusCodes.Status201Created, settings.Api);
    }

    public async Task<IResult> CollectAsync(HttpContext context)
    {
        var target = resolver.Resolve(context);
        var ids = InputValidation.CheckIds(await RequestBody.ReadAsync(context, allowPlainText: false, settings.MaxRequestBodySize).ConfigureAwait(false));
        var records = await store.GetManyAsync(target, ids, context.RequestAborted).ConfigureAwait(false);
        var found = records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        ThrowIfMissing(target, ids.Where(id => !found.Contains(id)).ToList());
        return Ok(records.Select(ModelMapping.ToBatchDetail).ToList());
    }

    public async Task<IResult> DeleteBatchAsync(HttpContext context)
    {
        var target = resolver.Resolve(context);
        var ids = InputValidation.CheckIds(await RequestBody.ReadAsync(context, allowPlainText: false, settings.MaxRequestBodySize).ConfigureAwait(false));
        ThrowIfMissing(target, await store.DeleteAllOrNothingAsync(target, ids, context.RequestAborted).ConfigureAwait(false));
        foreach (var id in ids)
        {
            running.Cancel(id); // a deleted request that was running stops
        }

        return Ok(new JObject { ["deleted"] = ids.Count });
    }

    /// <summary>
    /// Cancels the requests of a list of ids, all or nothing (an unknown id is a 400 naming it), or
    /// with <c>status</c> every pending or every processing request, with an empty body.
    /// </summary>
    public async Task<IResult> CancelBatchAsync(HttpContext context)
    {
        var target = resolver.Resolve(context);
        var status = QueryParameters.OneOf(context, "status", [RequestStatus.Pending.Value, RequestStatus.Processing.Value]);
        var body = await RequestBody.ReadOptionalAsync(context, settings.MaxRequestBodySize).ConfigureAwait(false);
        IReadOnlyList<string>? ids = null;
        if (status is null)
        {
            ids = InputValidation.CheckIds(body ?? throw ApiProblem.BadRequest(
                "Send a list of request ids, or the query parameter 'status' (pending or processing) with an empty body."));
        }
        else if (body is not null && !(body is JArray { Count: 0 } || body.Type == JTokenType.Null))
        {
            throw ApiProblem.BadRequest($"With the query parameter 'status' the body must be empty, not {Describe(body)}: it cancels every {status} request.");
        }

        var (missing, stopping, cancelled) = await store.CancelManyAsync(target, ids, status is null ? (RequestStatus?)null : new RequestStatus(status), executor.Now(), context.RequestAborted).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            // All or nothing, like the other batch operations; the unknown ids are a bad request here.
            throw ApiProblem.BadRequest($"{Unknown(target, missing)} Nothing was cancelled.");
        }

        foreach (var id in stopping)
        {
            running.Cancel(id);
        }

        return Ok(new JObject { ["cancelled"] = cancelled });
    }

    /// <summary>The request's input as a file: the data it was created with.</summary>
    public async Task<IResult> GetInputAsync(HttpContext context)
    {
        var target = resolver.Resolve(context);
        var id = RequestId(context);
        var record = await store.GetAsync(target, id, context.RequestAborted).ConfigureAwait(false) ?? throw NotFound(target, id);
        return RequestFileResult.Of(record.RequestData, "input");
    }

    /// <summary>The request's output as a file; a 404 while it has none (not completed).</summary>
    public async Task<IResult> GetOutputAsync(HttpContext context)
    {
        var target = resolver.Resolve(context);
        var id = RequestId(context);
        var record = await store.GetAsync(target, id, context.RequestAborted).ConfigureAwait(false) ?? throw NotFound(target, id);
        if (record.Status != RequestStatus.Completed || record.Result is null)
        {
            throw ApiProblem.NotFound(record.Status.IsTerminal
                ? $"Request '{id}' has no output: it ended {record.Status}."
                : $"Request '{id}' has no output yet: it is {record.Status}.");
        }

        return RequestFileResult.Of(record.Result, "output");
    }

    public async Task<IResult> GetAsync(HttpContext context)
    {
        var target = resolver.Resolve(context);
        var id = RequestId(context);
        var metadataOnly = QueryParameters.Boolean(context, "metadata_only") ?? false;
        var record = await store.GetAsync(target, id, context.RequestAborted).ConfigureAwait(false) ?? throw NotFound(target, id);
        var detail = ModelMapping.ToSingleDetail(record, metadataOnly);
        // metadata_only leaves the data and the result out of the answer, rather than sending nulls.
        return metadataOnly ? JsonResponse.OkWithout(detail, settings.Api, "request_data", "result") : Ok(detail);
    }

    public async Task<IResult> ListAsync(HttpContext context)
    {
        var target = resolver.Resolve(context);
        var query = ListFilters.Read(context, settings.Api.List);
        var records = await store.ListAsync(target, query, context.RequestAborted).ConfigureAwait(false);
        return Ok(records.Select(ModelMapping.ToListItem).ToList());
    }

    public async Task<IResult> UpdateAsync(HttpContext context)
    {
        var target = resolver.Resolve(context);
        var id = RequestId(context);
        var body = await RequestBody.ReadAsync(context, allowPlainText: false, settings.MaxRequestBodySize).ConfigureAwait(false);
        if (body is not JObject update || update["status"] is not JValue { Type: JTokenType.String } status)
        {
            throw ApiProblem.BadRequest("Expected {\"status\": \"cancelled\"}.");
        }

        if (status.Value<string>() != RequestStatus.Cancelled.Value)
        {
            throw ApiProblem.BadRequest($"A request's status can only be updated to 'cancelled', not '{status.Value<string>()}'.");
        }

        var cancelled = await store.CancelAsync(target, id, executor.Now(), context.RequestAborted).ConfigureAwait(false)
            ?? throw NotFound(target, id);
        if (cancelled.Before == RequestStatus.Completed || cancelled.Before == RequestStatus.Failed)
        {
            throw ApiProblem.BadRequest($"Request '{id}' has already finished with status '{cancelled.Before}' and cannot be cancelled.");
        }

        if (cancelled.After.Status == RequestStatus.CancelledPending)
        {
            running.Cancel(id);
        }

        return Ok(ModelMapping.ToUpdateResponse(cancelled.After));
    }

    public async Task<IResult> DeleteAsync(HttpContext context)
    {
        var target = resolver.Resolve(context);
        var id = RequestId(context);
        var missing = await store.DeleteAllOrNothingAsync(target, [id], context.RequestAborted).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            throw NotFound(target, id);
        }

        running.Cancel(id);
        return Results.NoContent();
    }

    private JsonResponse Ok(object body) => JsonResponse.Ok(body, settings.Api);

    /// <summary>The <c>priority</c> of a create, where the served generation reads it.</summary>
    private RequestPriority Priority(HttpContext context) =>
        (settings.Api.ReadsPriority ? QueryParameters.Priority(context, "priority") : null) ?? RequestPriority.Standard;

    private static int Seconds(TimeSpan timeout) => (int)timeout.TotalSeconds;

    private static RequestRecord NewRecord(DeploymentTarget target, JToken data, RequestMode kind, int timeout, string? notificationGroup, RequestPriority priority, long now)
    {
        var json = data.ToString(Formatting.None);
        return new RequestRecord
        {
            // A time-ordered UUID (version 7): still a UUID to clients, but new ids land at the end of
            // the store's id index instead of on a random page each, so a commit of a batch writes a
            // few index pages rather than one per request.
            Id = Guid.CreateVersion7().ToString("D"),
            Project = target.Project,
            Deployment = target.DeploymentName,
            Version = target.Version,
            Kind = kind,
            Status = RequestStatus.Pending,
            CreatedAt = now,
            RequestData = json,
            Timeout = timeout,
            NotificationGroup = notificationGroup,
            InputSize = Encoding.UTF8.GetByteCount(json),
            CreatedBy = CreatedBy,
            Priority = priority,
        };
    }

    /// <summary>The request id from the route, normalized; an id that is not a UUID cannot exist (404).</summary>
    private static string RequestId(HttpContext context)
    {
        var id = (string)context.GetRouteValue("request_id")!;
        return Guid.TryParseExact(id, "D", out _)
            ? id.ToLowerInvariant()
            : throw ApiProblem.NotFound($"Request '{(id.Length <= 64 ? id : id[..64] + "…")}' not found.");
    }

    private static ApiProblem NotFound(DeploymentTarget target, string id) =>
        ApiProblem.NotFound($"Request '{id}' not found for deployment '{target.DeploymentName}' version '{target.Version}'.");

    private static void ThrowIfMissing(DeploymentTarget target, IReadOnlyList<string> missing)
    {
        if (missing.Count > 0)
        {
            throw ApiProblem.NotFound($"{Unknown(target, missing)} Nothing was done.");
        }
    }

    private static string Unknown(DeploymentTarget target, IReadOnlyList<string> missing)
    {
        var shown = string.Join(", ", missing.Take(5)) + (missing.Count > 5 ? $" and {missing.Count - 5} more" : "");
        return $"Request(s) not found for deployment '{target.DeploymentName}' version '{target.Version}': {shown}.";
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Array => $"a list of {((JArray)token).Count}",
        JTokenType.Object => "an object",
        _ => token.Type.ToString().ToLowerInvariant(),
    };
}
