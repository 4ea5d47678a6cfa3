namespace UbiOps.Client;

/// <summary>
/// The API's operations, each for the default version and for an explicit version: what a call
/// does, as far as retrying, timing, logging and the emulator's fault rules are concerned.
/// </summary>
public enum ApiOperation
{
    /// <summary>Not one of the API's request operations (retried only when its method is a read).</summary>
    Other,

    /// <summary><c>POST …/requests</c>: runs the model once and waits for the result.</summary>
    DirectCreate,

    /// <summary><c>POST …/requests/batch</c>: queues up to 250 requests.</summary>
    BatchCreate,

    /// <summary><c>POST …/requests/collect</c>: reads up to 250 requests by id.</summary>
    Collect,

    /// <summary><c>POST …/requests/delete</c>: deletes up to 250 requests by id.</summary>
    BatchDelete,

    /// <summary><c>GET …/requests/{id}</c>.</summary>
    Get,

    /// <summary><c>GET …/requests</c>.</summary>
    List,

    /// <summary><c>PATCH …/requests/{id}</c>: cancels a request.</summary>
    Cancel,

    /// <summary><c>DELETE …/requests/{id}</c>.</summary>
    Delete,
}

/// <summary>What follows from an <see cref="ApiOperation"/>.</summary>
internal static class ApiOperationExtensions
{
    /// <summary>
    /// Whether a call may be repeated although the server may have acted on it: true for reads,
    /// cancels and deletes, false for creates (the model would run twice) and unknown writes.
    /// </summary>
    public static bool IsSafeToRepeat(this ApiOperation kind) => kind is
        ApiOperation.Get or ApiOperation.List or ApiOperation.Collect or
        ApiOperation.Cancel or ApiOperation.Delete or ApiOperation.BatchDelete;

    /// <summary>The name used in logs and traces, e.g. <c>direct-create</c>.</summary>
    public static string ToTelemetryName(this ApiOperation kind) => kind switch
    {
        ApiOperation.DirectCreate => "direct-create",
        ApiOperation.BatchCreate => "batch-create",
        ApiOperation.Collect => "collect",
        ApiOperation.BatchDelete => "batch-delete",
        ApiOperation.Get => "get",
        ApiOperation.List => "list",
        ApiOperation.Cancel => "cancel",
        ApiOperation.Delete => "delete",
        _ => "other",
    };
}
