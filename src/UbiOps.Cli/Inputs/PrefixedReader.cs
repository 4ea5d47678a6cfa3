namespace UbiOps.Cli.Inputs;

/// <summary>A reader that yields a prefix (text already read for detection), then the rest of a reader.</summary>
internal sealed class PrefixedReader(string prefix, TextReader rest) : TextReader
{
    private int _position;

    public override int Peek() => _position < prefix.Length ? prefix[_position] : rest.Peek();

    public override int Read() => _position < prefix.Length ? prefix[_position++] : rest.Read();

    public override int Read(char[] buffer, int index, int count)
    {
        if (_position >= prefix.Length)
        {
            return rest.Read(buffer, index, count);
        }

        var n = Math.Min(count, prefix.Length - _position);
        prefix.CopyTo(_position, buffer, index, n);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) =>
        _position < prefix.Length ? Task.FromResult(Read(buffer, index, count)) : rest.ReadAsync(buffer, index, count);

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= prefix.Length)
        {
            return rest.ReadAsync(buffer, cancellationToken);
        }

        var n = Math.Min(buffer.Length, prefix.Length - _position);
        prefix.AsSpan(_position, n).CopyTo(buffer.Span);
        _position += n;
        return ValueTask.FromResult(n);
    }
}
