using UbiOps.Client;

namespace UbiOps.Samples;

/// <summary>A request's priority, and its input and output as files (today's service).</summary>
public static class FilesAndPriorityExample
{
    /// <summary>
    /// Sends a high-priority request to <c>echo</c>, reads back its input and its output, and saves
    /// the output file in <paramref name="folder"/>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="project">The project that holds the deployment.</param>
    /// <param name="folder">Where the output file is saved.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The input and output read back, and the saved file's path.</returns>
    public static async Task<FilesAndPriorityResults> RunAsync(UbiOpsClient client, string project, string folder, CancellationToken cancellationToken = default)
    {
        // <readme:files-and-priority>
        var echo = client.Deployment(project, "echo");
        var options = new DirectRequestOptions { Priority = RequestPriority.High, Timeout = TimeSpan.FromSeconds(60) };
        var created = await echo.CreateAsync(RequestInput.FromObject(new { city = "Utrecht" }), options, cancellationToken);

        RequestPayload input = await echo.GetInputAsync(created.Id, cancellationToken);     // as the server keeps it
        RequestPayload? output = await echo.GetOutputAsync(created.Id, cancellationToken);  // a 404 before it completes

        // Or as a stream, e.g. to save a large result.
        await using var file = await echo.DownloadOutputAsync(created.Id, cancellationToken);
        var path = Path.Combine(folder, file.FileName ?? "output.json");
        await file.SaveAsAsync(path, cancellationToken);
        // </readme:files-and-priority>

        return new FilesAndPriorityResults(input, output, path);
    }
}

/// <summary>What <see cref="FilesAndPriorityExample.RunAsync"/> read back.</summary>
/// <param name="Input">The request's input.</param>
/// <param name="Output">The request's output.</param>
/// <param name="SavedOutput">The path of the saved output file.</param>
public sealed record FilesAndPriorityResults(RequestPayload Input, RequestPayload? Output, string SavedOutput);
