namespace UbiOps.Emulator.Tests.Support;

/// <summary>
/// Checks every JSON answer of the API against the spec before the test sees it; a violation fails the
/// call with <see cref="SchemaViolationException"/> naming the operation and the problem.
/// </summary>
internal sealed class SchemaValidatingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private const string ApiPrefix = "/v2.1";

    public int Checked { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (response.Content.Headers.ContentType?.MediaType == "application/json" && path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken); // buffered: the caller can read it again
            var errors = (await SpecSchemas.GetAsync()).Check(request.Method.Method, path[ApiPrefix.Length..], (int)response.StatusCode, body);
            Checked++;
            if (errors.Count > 0)
            {
                throw new SchemaViolationException($"{request.Method} {path} answered {(int)response.StatusCode} against the spec: {string.Join("; ", errors)}");
            }
        }

        return response;
    }
}

/// <summary>An answer that does not match the spec.</summary>
internal sealed class SchemaViolationException(string message) : Exception(message);
