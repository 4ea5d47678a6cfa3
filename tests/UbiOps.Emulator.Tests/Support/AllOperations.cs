using System.Text;

namespace UbiOps.Emulator.Tests.Support;

/// <summary>The 16 operations of the spec, each with a well-formed call, for tests that cover them all.</summary>
public static class AllOperations
{
    public sealed record Operation(string OperationId, string Method, string PathTemplate)
    {
        public bool HasVersion => PathTemplate.Contains("{version}", StringComparison.Ordinal);

        public HttpRequestMessage Build(string project, string deployment, string version = "v1", string? requestId = null)
        {
            var path = PathTemplate.TrimStart('/')
                .Replace("{project_name}", project, StringComparison.Ordinal)
                .Replace("{deployment_name}", deployment, StringComparison.Ordinal)
                .Replace("{version}", version, StringComparison.Ordinal)
                .Replace("{request_id}", requestId ?? Guid.NewGuid().ToString(), StringComparison.Ordinal);
            var request = new HttpRequestMessage(new HttpMethod(Method), path);
            var body = OperationId switch
            {
                _ when OperationId.StartsWith("batch_", StringComparison.Ordinal) => "[{}]",
                _ when OperationId.EndsWith("_batch_get", StringComparison.Ordinal) || OperationId.EndsWith("_batch_delete", StringComparison.Ordinal)
                    => $"[\"{Guid.NewGuid()}\"]",
                _ when OperationId.EndsWith("_update", StringComparison.Ordinal) => "{\"status\": \"cancelled\"}",
                _ when OperationId.EndsWith("_create", StringComparison.Ordinal) => "{}",
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

    public static IReadOnlyList<Operation> List { get; } = Load();

    private static List<Operation> Load()
    {
        var document = SpecSchemas.GetAsync().GetAwaiter().GetResult().Document;
        return document.Paths
            .SelectMany(path => path.Value.Select(method => new Operation(method.Value.OperationId, method.Key.ToUpperInvariant(), path.Key)))
            .OrderBy(o => o.OperationId, StringComparer.Ordinal)
            .ToList();
    }
}
