using Newtonsoft.Json;

namespace UbiOps.Client;

// Handwritten halves of the generated models: the status as a RequestStatus and the result as a
// RequestOutput. [JsonIgnore] keeps them out of the wire format (the emulator serializes these models).

/// <summary>A direct request after it finished: status, and result or error message.</summary>
public partial class DeploymentRequestCreateResponse
{
    /// <summary>The status as a <see cref="UbiOps.Client.RequestStatus"/>.</summary>
    [JsonIgnore]
    public RequestStatus RequestStatus => RequestStatus.FromServer(Status);

    /// <summary>The result, or <see langword="null"/> when there is none (yet).</summary>
    [JsonIgnore]
    public RequestOutput? Output => RequestOutput.From(Result);
}

/// <summary>A batch request as created: its id and first status.</summary>
public partial class DeploymentRequestBatchCreateResponse
{
    /// <summary>The status as a <see cref="UbiOps.Client.RequestStatus"/>.</summary>
    [JsonIgnore]
    public RequestStatus RequestStatus => RequestStatus.FromServer(Status);
}

/// <summary>A request as listed: status and times, without input and result.</summary>
public partial class DeploymentRequestList
{
    /// <summary>The status as a <see cref="UbiOps.Client.RequestStatus"/>.</summary>
    [JsonIgnore]
    public RequestStatus RequestStatus => RequestStatus.FromServer(Status);
}

/// <summary>A request as collected: status, times, input and result or error message.</summary>
public partial class DeploymentRequestBatchDetail
{
    /// <summary>The status as a <see cref="UbiOps.Client.RequestStatus"/>.</summary>
    [JsonIgnore]
    public RequestStatus RequestStatus => RequestStatus.FromServer(Status);

    /// <summary>The result, or <see langword="null"/> when there is none (yet).</summary>
    [JsonIgnore]
    public RequestOutput? Output => RequestOutput.From(Result);
}

/// <summary>One request in full: status, times, input, result or error message and origin.</summary>
public partial class DeploymentRequestSingleDetail
{
    /// <summary>The status as a <see cref="UbiOps.Client.RequestStatus"/>.</summary>
    [JsonIgnore]
    public RequestStatus RequestStatus => RequestStatus.FromServer(Status);

    /// <summary>The result, or <see langword="null"/> when there is none (yet) or only metadata was asked for.</summary>
    [JsonIgnore]
    public RequestOutput? Output => RequestOutput.From(Result);
}

/// <summary>A request after an update (a cancel).</summary>
public partial class DeploymentRequestUpdateResponse
{
    /// <summary>The status as a <see cref="UbiOps.Client.RequestStatus"/>.</summary>
    [JsonIgnore]
    public RequestStatus RequestStatus => RequestStatus.FromServer(Status);

    /// <summary>The result, or <see langword="null"/> when there is none.</summary>
    [JsonIgnore]
    public RequestOutput? Output => RequestOutput.From(Result);
}
