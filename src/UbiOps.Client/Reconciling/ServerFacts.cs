namespace UbiOps.Client;

/// <summary>
/// What a client learns about the server it talks to, for looking up creates whose answer was
/// lost: how far its clock is off, and how it counts input sizes. One per server, shared by every
/// call of the clients that talk to it (like the rate budget); thread-safe.
/// </summary>
internal sealed class ServerFacts
{
    /// <summary>The server's clock against ours.</summary>
    public ServerClock Clock { get; } = new();

    /// <summary>How the server counts <c>input_size</c>.</summary>
    public InputSizes Sizes { get; } = new();
}
