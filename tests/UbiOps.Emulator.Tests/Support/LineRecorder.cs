using System.Text;

namespace UbiOps.Emulator.Tests.Support;

/// <summary>A writer that keeps the lines written to it, safe to read while another thread writes.</summary>
internal sealed class LineRecorder : TextWriter
{
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_lock)
        {
            _lines.Add(value ?? "");
        }
    }

    public override void Write(char value) => throw new NotSupportedException("Only whole lines are recorded.");
}
