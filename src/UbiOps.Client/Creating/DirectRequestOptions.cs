namespace UbiOps.Client;

/// <summary>How a direct request is created.</summary>
public sealed class DirectRequestOptions
{
    /// <summary>
    /// How long the deployment may take: whole seconds from <see cref="RequestLimits.MinTimeout"/>
    /// to <see cref="RequestLimits.MaxDirectTimeout"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the server's default (<see cref="RequestLimits.DefaultDirectTimeout"/>).</value>
    public TimeSpan? Timeout { get; set; }

    /// <summary>How soon the server starts the request (read by today's service; the 2024-07 generation ignores it).</summary>
    /// <value>The default value is <see langword="null"/>: the server's default (<see cref="RequestPriority.Standard"/>).</value>
    public RequestPriority? Priority { get; set; }

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate() => _ = TimeoutSeconds();

    /// <summary>The timeout as the API's whole seconds, after checking every option.</summary>
    internal int? TimeoutSeconds()
    {
        Guard.Priority(Priority, nameof(Priority));
        return Guard.TimeoutSeconds(Timeout, RequestLimits.MaxDirectTimeout, nameof(Timeout));
    }
}
