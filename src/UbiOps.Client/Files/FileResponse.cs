namespace UbiOps.Client;

/// <summary>
/// A file the API answered with (a request's input or output), as the generated client hands it
/// over: written here instead of generated (nswag.json's <c>excludedTypeNames</c>) so that it stays
/// internal; users get a <see cref="RequestFile"/>.
/// </summary>
internal sealed class FileResponse(
    int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers, Stream stream, IDisposable? client, IDisposable? response) : IDisposable
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The answer's headers, content headers included.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; } = headers;

    /// <summary>The body, read as it arrives.</summary>
    public Stream Stream { get; } = stream;

    /// <summary>The first value of a header, by its name in any casing.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public void Dispose()
    {
        Stream.Dispose();
        response?.Dispose();
        client?.Dispose();
    }
}
