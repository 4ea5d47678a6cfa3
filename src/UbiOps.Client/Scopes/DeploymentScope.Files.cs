namespace UbiOps.Client;

// A request's input and output as files. Served by today's service (the 2025-12 generation); on a
// 2024-07 server, read request_data and result with GetAsync instead.
public partial class DeploymentScope
{
    /// <summary>
    /// Opens a request's input as the server keeps it: a file (JSON for a structured deployment,
    /// text for a plain one), read as a stream. Dispose it when done.
    /// </summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The file.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error (404 for an unknown id, or on a 2024-07 server).</exception>
    public virtual async Task<RequestFile> DownloadInputAsync(string requestId, CancellationToken cancellationToken = default)
    {
        Guard.RequestId(requestId, nameof(requestId));
        return new RequestFile(await _route.GetInputAsync(requestId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Opens a request's output: a file (JSON for a structured deployment, text for a plain one),
    /// read as a stream. Dispose it when done. There is none (404) while the request is pending or
    /// processing, nor for one that failed or was cancelled.
    /// </summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The file.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error (404 when there is no output, or on a 2024-07 server).</exception>
    public virtual async Task<RequestFile> DownloadOutputAsync(string requestId, CancellationToken cancellationToken = default)
    {
        Guard.RequestId(requestId, nameof(requestId));
        return new RequestFile(await _route.GetOutputAsync(requestId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Reads a request's input whole, as a payload (see <see cref="RequestFile.ReadPayloadAsync"/>).</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error (404 for an unknown id, or on a 2024-07 server).</exception>
    /// <exception cref="InvalidOperationException">The server's file holds a JSON <c>null</c>, which no input is.</exception>
    public virtual async Task<RequestPayload> GetInputAsync(string requestId, CancellationToken cancellationToken = default)
    {
        using var file = await DownloadInputAsync(requestId, cancellationToken).ConfigureAwait(false);
        return await file.ReadPayloadAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The API answered the input of request '{requestId}' with a JSON null.");
    }

    /// <summary>Reads a request's output whole, as a payload (see <see cref="RequestFile.ReadPayloadAsync"/>).</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The output; <see langword="null"/> when the deployment returned nothing.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error (404 when there is no output, or on a 2024-07 server).</exception>
    public virtual async Task<RequestPayload?> GetOutputAsync(string requestId, CancellationToken cancellationToken = default)
    {
        using var file = await DownloadOutputAsync(requestId, cancellationToken).ConfigureAwait(false);
        return await file.ReadPayloadAsync(cancellationToken).ConfigureAwait(false);
    }
}
