using Newtonsoft.Json;

namespace UbiOps.Cli.Run;

/// <summary>
/// Appends result lines to the output file, one JSON object per line. The file is opened with the
/// first line, so a run that fails before any result leaves no output behind.
/// </summary>
internal sealed class ResultWriter(string path) : IAsyncDisposable
{
    private StreamWriter? _writer;

    public void Write(ResultLine line)
    {
        _writer ??= new StreamWriter(
            new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16),
            new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        using (var json = new JsonTextWriter(_writer) { CloseOutput = false, Formatting = Formatting.None })
        {
            json.DateFormatString = UbiOps.Client.ApiJson.DateFormat;
            line.WriteTo(json);
        }

        _writer.Write('\n');
    }

    public Task FlushAsync() => _writer?.FlushAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync();
            await _writer.DisposeAsync();
        }
    }

    /// <summary>
    /// Cuts an existing output down to its first <paramref name="lines"/> lines: what a resumed run
    /// keeps (the lines after it are written again, from requests collected, not submitted again).
    /// Returns how many complete lines the file had.
    /// </summary>
    public static long TruncateTo(string path, long lines)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        long count = 0, keep = 0, offset = 0;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                for (var at = chunk.IndexOf((byte)'\n'); at >= 0; at = chunk.IndexOf((byte)'\n'))
                {
                    offset += at + 1;
                    chunk = chunk[(at + 1)..];
                    if (++count == lines)
                    {
                        keep = offset;
                    }
                }

                offset += chunk.Length;
            }
        }

        if (count >= lines && new FileInfo(path).Length != keep)
        {
            using var truncate = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
            truncate.SetLength(keep);
        }

        return count;
    }
}
