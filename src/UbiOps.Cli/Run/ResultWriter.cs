using Newtonsoft.Json;

namespace UbiOps.Cli.Run;

/// <summary>Appends result lines to the output file (or a stream), one JSON object per line.</summary>
internal sealed class ResultWriter : IAsyncDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;

    public ResultWriter(TextWriter writer, bool ownsWriter)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
    }

    public static ResultWriter AppendToFile(string path)
    {
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
        return new ResultWriter(new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\n" }, ownsWriter: true);
    }

    public void Write(ResultLine line)
    {
        using (var json = new JsonTextWriter(_writer) { CloseOutput = false, Formatting = Formatting.None })
        {
            json.DateFormatString = UbiOps.Client.JsonDefaults.DateFormat;
            line.WriteTo(json);
        }

        _writer.Write('\n');
    }

    public Task FlushAsync() => _writer.FlushAsync();

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        if (_ownsWriter)
        {
            await _writer.DisposeAsync();
        }
    }
}
