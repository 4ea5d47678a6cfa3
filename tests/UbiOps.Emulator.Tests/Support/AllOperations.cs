using System.Text;

namespace UbiOps.Emulator.Tests.Support;

/// <summary>The 22 operations of the table (<see cref="ApiOperations"/>), each with a well-formed call, for tests that cover them all.</summary>
public static class AllOperations
{
    public sealed record Operation(ApiEndpoint Endpoint)
    {
        public string OperationId => Endpoint.OperationId;

        public bool HasVersion => Endpoint.Versioned;

        public HttpRequestMessage Build(string project, string deployment, string version = "v1", string? requestId = null)
        {
            var path = Endpoint.PathTemplate.TrimStart('/')
                .Replace("{project_name}", project, StringComparison.Ordinal)
                .Replace("{deployment_name}", deployment, StringComparison.Ordinal)
                .Replace("{version}", version, StringComparison.Ordinal)
                .Replace("{request_id}", requestId ?? Guid.NewGuid().ToString(), StringComparison.Ordinal);
            var request = new HttpRequestMessage(Endpoint.Info.Method, path);
            var body = Endpoint.Info.Operation switch
            {
                ApiOperation.BatchCreate => "[{}]",
                ApiOperation.DirectCreate => "{}",
                ApiOperation.Collect or ApiOperation.BatchDelete or ApiOperation.BatchCancel => $"[\"{Guid.NewGuid()}\"]",
                ApiOperation.Cancel => "{\"status\": \"cancelled\"}",
                _ => null,
            };
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            return request;
        }

        public override string ToString() => OperationId;
    }

    public static IReadOnlyList<Operation> List { get; } = ApiOperations.Endpoints.Select(e => new Operation(e)).ToList();

    /// <summary>The operations a generation does not serve.</summary>
    public static IEnumerable<Operation> NotServedBy(ApiGeneration generation) => List.Where(o => !generation.Serves(o.Endpoint.Info.Operation));
}
