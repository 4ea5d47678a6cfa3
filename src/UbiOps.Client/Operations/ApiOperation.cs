namespace UbiOps.Client;

/// <summary>
/// The API's operations, each served for the default version of a deployment and for an explicit
/// version. <see cref="ApiOperations"/> holds what each one is: its method and paths, whether it is
/// safe to repeat, its timeout and the API generations that serve it.
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

    /// <summary><c>POST …/requests/cancel</c>: cancels up to 250 requests by id, or all pending or all processing ones.</summary>
    BatchCancel,

    /// <summary><c>GET …/requests/{id}/input</c>: the request's input as a file.</summary>
    GetInput,

    /// <summary><c>GET …/requests/{id}/output</c>: the request's output as a file.</summary>
    GetOutput
}

/// <summary>What an operation does to the server's requests, which decides whether it may be repeated.</summary>
public enum ApiOperationKind
{
    /// <summary>Makes requests (and runs the model): never repeated blindly, since it would run twice.</summary>
    Create,

    /// <summary>Reads requests: safe to repeat.</summary>
    Read,

    /// <summary>Cancels or deletes requests: doing it twice leaves the same state, so safe to repeat.</summary>
    Change,
}
