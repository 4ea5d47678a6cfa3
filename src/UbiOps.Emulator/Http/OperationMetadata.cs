using UbiOps.Client;

namespace UbiOps.Emulator.Http;

/// <summary>Endpoint metadata: which API operation an endpoint is (for fault rules).</summary>
internal sealed record OperationMetadata(ApiOperation Operation);
