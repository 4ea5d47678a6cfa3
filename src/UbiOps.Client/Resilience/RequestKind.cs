namespace UbiOps.Client;

/// <summary>What an HTTP call does, as far as retrying and timing it is concerned.</summary>
internal enum RequestKind
{
    /// <summary>Not one of the SDK's routes: retried only when its method is a read.</summary>
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

/// <summary>What follows from a <see cref="RequestKind"/>.</summary>
internal static class RequestKindExtensions
{
    /// <summary>
    /// Whether a call may be repeated although the server may have acted on it: true for reads,
    /// cancels and deletes, false for creates (the model would run twice) and unknown writes.
    /// </summary>
    public static bool IsSafeToRepeat(this RequestKind kind) => kind is
        RequestKind.Get or RequestKind.List or RequestKind.Collect or
        RequestKind.Cancel or RequestKind.Delete or RequestKind.BatchDelete;

    /// <summary>The name used in logs and traces, e.g. <c>direct-create</c>.</summary>
    public static string ToTelemetryName(this RequestKind kind) => kind switch
    {
        RequestKind.DirectCreate => "direct-create",
        RequestKind.BatchCreate => "batch-create",
        RequestKind.Collect => "collect",
        RequestKind.BatchDelete => "batch-delete",
        RequestKind.Get => "get",
        RequestKind.List => "list",
        RequestKind.Cancel => "cancel",
        RequestKind.Delete => "delete",
        _ => "other",
    };
}
