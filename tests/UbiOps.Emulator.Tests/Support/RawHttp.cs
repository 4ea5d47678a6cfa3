using System.Net.Sockets;
using System.Text;
using Newtonsoft.Json.Linq;

namespace UbiOps.Emulator.Tests.Support;

/// <summary>
/// Sends bytes that no HTTP client library would send (a lower-case method, broken chunk framing)
/// over a plain TCP socket to the emulator on loopback, and reads the answer until the server closes.
/// </summary>
internal static class RawHttp
{
    public sealed record Answer(int Status, string Head, string Body)
    {
        public string? Error => JObject.Parse(Body)["error"]?.Value<string>();

        public override string ToString() => Head + "\r\n\r\n" + Body;
    }

    /// <summary>
    /// Sends a request head (with <c>Host</c>, the emulator's token and <c>Connection: close</c> added)
    /// followed by <paramref name="body"/> as it is.
    /// </summary>
    public static async Task<Answer> SendAsync(UbiOpsEmulator emulator, string requestLine, string headers, string body)
    {
        var head = $"{requestLine}\r\nHost: 127.0.0.1\r\nAuthorization: Token {emulator.Token}\r\nConnection: close\r\n{headers}\r\n";
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await tcp.ConnectAsync("127.0.0.1", emulator.Port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + body), timeout.Token);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        var text = Encoding.UTF8.GetString(received.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.That(split, Is.GreaterThan(0), "no complete answer: " + text);
        var statusLine = text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
        return new Answer(int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), text[..split], text[(split + 4)..]);
    }
}
