namespace UbiOps.Client;

/// <summary>
/// One row of the table of operations (<see cref="ApiOperations"/>): an operation with everything
/// the client, the emulator and the tests need to know about it.
/// </summary>
public sealed class ApiOperationInfo
{
    internal ApiOperationInfo(
        ApiOperation operation, string name, ApiOperationKind kind, HttpMethod method, string path,
        string defaultOperationId, string versionOperationId, ApiTimeoutRule timeout, params ApiGeneration[] servedBy)
    {
        Operation = operation;
        Name = name;
        Kind = kind;
        Method = method;
        Path = path;
        Timeout = timeout;
        ServedBy = servedBy;
        Default = new ApiEndpoint(this, versioned: false, defaultOperationId, ApiRoutes.RequestsPath(versioned: false) + path);
        Version = new ApiEndpoint(this, versioned: true, versionOperationId, ApiRoutes.RequestsPath(versioned: true) + path);
    }

    /// <summary>The operation.</summary>
    public ApiOperation Operation { get; }

    /// <summary>Its name in logs, traces and metrics, e.g. <c>batch-create</c>.</summary>
    public string Name { get; }

    /// <summary>What it does to the server's requests.</summary>
    public ApiOperationKind Kind { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>
    /// The path after a deployment's (or version's) <c>…/requests</c>: empty for the collection,
    /// e.g. <c>/batch</c>, <c>/{request_id}/input</c>.
    /// </summary>
    public string Path { get; }

    /// <summary>
    /// Whether a call may be repeated although the server may have acted on it: true for reads,
    /// cancels and deletes, false for creates (the model would run twice).
    /// </summary>
    public bool IsSafeToRepeat => Kind != ApiOperationKind.Create;

    /// <summary>The generations of the API that serve it, oldest first.</summary>
    public IReadOnlyList<ApiGeneration> ServedBy { get; }

    /// <summary>The operation for the default version of a deployment.</summary>
    public ApiEndpoint Default { get; }

    /// <summary>The operation for an explicit version.</summary>
    public ApiEndpoint Version { get; }

    /// <summary>How long one attempt of a call may take.</summary>
    internal ApiTimeoutRule Timeout { get; }

    /// <summary>The default-version or the explicit-version endpoint.</summary>
    /// <param name="versioned">Whether the call addresses an explicit version.</param>
    /// <returns>The endpoint.</returns>
    public ApiEndpoint For(bool versioned) => versioned ? Version : Default;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>One of the 22 operations as the spec names it: an operation for the default version or for an explicit version.</summary>
public sealed class ApiEndpoint
{
    internal ApiEndpoint(ApiOperationInfo info, bool versioned, string operationId, string pathTemplate)
    {
        Info = info;
        Versioned = versioned;
        OperationId = operationId;
        PathTemplate = pathTemplate;
    }

    /// <summary>The operation.</summary>
    public ApiOperationInfo Info { get; }

    /// <summary>Whether it addresses an explicit version.</summary>
    public bool Versioned { get; }

    /// <summary>The spec's operation id, e.g. <c>deployment_version_requests_batch_get</c>.</summary>
    public string OperationId { get; }

    /// <summary>The path under the base URL, e.g. <c>/projects/{project_name}/deployments/{deployment_name}/requests/batch</c>.</summary>
    public string PathTemplate { get; }

    /// <inheritdoc />
    public override string ToString() => OperationId;
}

/// <summary>How long one attempt of an operation's call may take.</summary>
internal enum ApiTimeoutRule
{
    /// <summary><see cref="UbiOpsResilienceOptions.AttemptTimeout"/>.</summary>
    Call,

    /// <summary>The request's own <c>timeout</c> (the server's default when not given), plus <see cref="UbiOpsResilienceOptions.DirectRequestTimeoutMargin"/>.</summary>
    DirectRequest,

    /// <summary><see cref="UbiOpsResilienceOptions.BatchCreateTimeout"/>: uploading up to 250 inputs.</summary>
    BatchCreate,
}
