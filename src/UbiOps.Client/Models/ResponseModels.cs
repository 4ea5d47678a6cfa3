namespace UbiOps.Client;

// The generated model classes have no access modifier (openapi/templates/Class.liquid): these
// declarations make the answers public API. Request bodies (DeploymentRequestUpdate) stay internal.
// DeploymentRequestOrigin and ErrorResponse take their summaries from the spec.

/// <summary>A direct request after it finished: its status, and its result or error message.</summary>
public partial class DeploymentRequestCreateResponse;

/// <summary>A batch request as created: its id and first status.</summary>
public partial class DeploymentRequestBatchCreateResponse;

/// <summary>A request as listed: status and times, without input and result.</summary>
public partial class DeploymentRequestList;

/// <summary>A request as collected: status, times, input, and result or error message.</summary>
public partial class DeploymentRequestBatchDetail;

/// <summary>One request in full: status, times, input, result or error message, and origin.</summary>
public partial class DeploymentRequestSingleDetail;

public partial class DeploymentRequestOrigin;

public partial class DeploymentRequestAdditionalData;

/// <summary>The answer to a cancel: a 2024-07 server sends the request after the update; today's promises only an object.</summary>
public partial class DeploymentRequestUpdateResponse;

public partial class ErrorResponse;
