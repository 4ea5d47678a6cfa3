using System.Net.Http.Headers;

namespace UbiOps.Client;

/// <summary>
/// A request's input or output as the API answers it: a file, read as a stream. Dispose it (or
/// read it to the end and dispose it) to free the connection.
/// </summary>
/// <example>
/// <code>
/// await using var output = await scope.DownloadOutputAsync(requestId, cancellationToken);
/// await output.SaveAsAsync(output.FileName ?? "output.json", cancellationToken);
/// </code>
/// </example>
public sealed class RequestFile : IDisposable, IAsyncDisposable
{
    private readonly IDisposable? _owner;

    /// <summary>A file over any stream, e.g. to return from a mocked <see cref="DeploymentScope"/>.</summary>
    /// <param name="content">The file's content; disposed with this file.</param>
    /// <param name="contentType">The media type, e.g. <c>application/json</c>, if known.</param>
    /// <param name="fileName">The file's name, if known.</param>
    /// <param name="length">The length in bytes, if known.</param>
    public RequestFile(Stream content, string? contentType, string? fileName, long? length = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        ContentType = contentType;
        FileName = fileName;
        Length = length;
    }

    internal RequestFile(FileResponse response)
        : this(response.Stream, MediaType(response.Header("Content-Type")), FileNameOf(response.Header("Content-Disposition")),
            long.TryParse(response.Header("Content-Length"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) ? length : null)
    {
        _owner = response;
    }

    /// <summary>The file's content, read as it arrives.</summary>
    public Stream Content { get; }

    /// <summary>The media type the server gave, without parameters (e.g. <c>application/json</c>), or <see langword="null"/>.</summary>
    public string? ContentType { get; }

    /// <summary>The file name the server gave (<c>Content-Disposition</c>), or <see langword="null"/>.</summary>
    public string? FileName { get; }

    /// <summary>The length in bytes, when the server said it.</summary>
    public long? Length { get; }

    /// <summary>Writes the content to a file, replacing it when it exists.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public async Task SaveAsAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 81920, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            await Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the whole file as a payload: JSON for a JSON media type, text for a <c>text/*</c> one
    /// (a plain deployment's data), and for any other (e.g. <c>application/octet-stream</c>) JSON
    /// when the content parses as JSON, else text.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The payload; <see langword="null"/> when the file is the JSON <c>null</c> (a deployment that returned nothing).</returns>
    /// <exception cref="ArgumentException">A JSON media type, but the content is not valid JSON.</exception>
    public async Task<RequestPayload?> ReadPayloadAsync(CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(Content, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return RequestPayloadText.Read(text, ContentType);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Content.Dispose();
        _owner?.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"RequestFile {{ FileName = {FileName}, ContentType = {ContentType}, Length = {Length} }}";

    private static string? MediaType(string? header) =>
        header is not null && MediaTypeHeaderValue.TryParse(header, out var value) ? value.MediaType : null;

    private static string? FileNameOf(string? header) =>
        header is not null && ContentDispositionHeaderValue.TryParse(header, out var value)
            ? (value.FileNameStar ?? value.FileName)?.Trim('"')
            : null;
}
