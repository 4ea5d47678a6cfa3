using System.Net.Http.Headers;
using Newtonsoft.Json;

namespace UbiOps.Client;

// Handwritten half of the generated raw client: authentication, User-Agent and JSON settings.
/// <summary>
/// The raw client generated from the spec: one method per API operation, named after its
/// operation id. Internal: users call <see cref="UbiOpsClient"/>, which builds on this one.
/// </summary>
internal partial class DeploymentRequestsClient
{
    private string? _authorization;

    /// <summary>
    /// Creates a raw client that sends every request to <see cref="UbiOpsClientOptions.BaseUrl"/> with
    /// the options' token.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with; it is not disposed by this client.</param>
    /// <param name="options">Token and base URL; validated here.</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public DeploymentRequestsClient(HttpClient httpClient, UbiOpsClientOptions options)
        : this(httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        BaseUrl = ConnectionSettings.NormalizeBaseUrl(options.BaseUrl);
        _authorization = ConnectionSettings.NormalizeToken(options.Token!);
    }

    static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) => JsonDefaults.Apply(settings);

    // Generated code reads bodies as a stream by default and then keeps no text: an error's
    // UbiOpsApiException.Response (and so Error and Message) would be empty. Read them as text.
    partial void Initialize() => ReadResponseAsString = true;

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        // Headers set per request, so one HttpClient can serve clients with different tokens.
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        // "UbiOps/dotnet/<version>" is the form the official clients send, but its second '/' is not
        // a valid product token, so the typed UserAgent collection would throw: add it unvalidated.
        if (!request.Headers.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
        }
    }

    // Called by the generated code (openapi/templates/Client.Class.BeforeSend.liquid) just before a
    // call is sent: names that would vanish from the path are refused, and the call's operation and
    // own timeout are stamped on the message for the pipeline's handlers.
    private void Stamp(HttpRequestMessage request, string operationId, int? timeout)
    {
        var endpoint = ApiOperations.FindByOperationId(operationId)
            ?? throw new InvalidOperationException($"The spec's operation '{operationId}' is missing from ApiOperations.");
        PathSegments.ThrowIfDotSegment(request.RequestUri!.OriginalString, BaseUrl, endpoint);
        ApiCall.Stamp(request, endpoint, timeout);
    }

    /// <inheritdoc />
    public override string ToString() => $"DeploymentRequestsClient {{ BaseUrl = {BaseUrl} }}";
}
