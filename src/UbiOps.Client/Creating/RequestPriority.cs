namespace UbiOps.Client;

/// <summary>
/// How soon the server starts a request: waiting <see cref="High"/> requests start before waiting
/// <see cref="Standard"/> ones. Read by today's service (the 2025-12 generation); servers of the
/// 2024-07 generation ignore it.
/// </summary>
public enum RequestPriority
{
    /// <summary>High priority (the API's <c>0</c>).</summary>
    High = 0,

    /// <summary>Standard priority (the API's <c>1</c>), the server's default.</summary>
    Standard = 1,
}
