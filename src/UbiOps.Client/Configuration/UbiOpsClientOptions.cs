namespace UbiOps.Client;

/// <summary>
/// Where and how the client talks to the UbiOps API.
/// </summary>
/// <remarks>
/// Bind it from configuration (section <see cref="SectionName"/>) or build it from the environment
/// with <see cref="FromEnvironment"/>. <see cref="ToString"/> never shows the token.
/// </remarks>
public sealed class UbiOpsClientOptions
{
    /// <summary>The configuration section the options bind from by default.</summary>
    public const string SectionName = "UbiOps";

    /// <summary>The environment variable that holds the API token.</summary>
    public const string TokenEnvironmentVariable = "UBIOPS_API_TOKEN";

    /// <summary>The environment variable that holds the API host.</summary>
    public const string HostEnvironmentVariable = "UBIOPS_API_HOST";

    /// <summary>The base URL of the UbiOps service.</summary>
    public const string DefaultBaseUrl = "https://api.ubiops.com" + ApiRoutes.BasePath;

    /// <summary>
    /// The API token, with or without the <c>Token </c> prefix (it is added when missing).
    /// </summary>
    /// <value>The default value is <see langword="null"/>; a token is required to call the API.</value>
    public string? Token { get; set; }

    /// <summary>
    /// The base URL of the API. A host alone (<c>api.example.com</c>) gets <c>https://</c> and
    /// <c>/v2.1</c> added.
    /// </summary>
    /// <value>The default value is <see cref="DefaultBaseUrl"/>, or <c>UBIOPS_API_HOST</c> where the
    /// options come from <see cref="FromEnvironment"/> or dependency injection.</value>
    public string BaseUrl
    {
        get => _baseUrl ?? DefaultBaseUrl;
        set => _baseUrl = value;
    }

    /// <summary>
    /// The local IP address every connection to the API leaves from (<c>10.0.0.7</c>, <c>2001:db8::7</c>),
    /// on a host with several: the service counts its rate limit (300 calls a minute) per source
    /// address, so producers on one host that each leave from their own address each get their own.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the address the operating system chooses.</value>
    public string? SourceAddress { get; set; }

    /// <summary><see cref="SourceAddress"/> parsed; <see langword="null"/> when none is set (validated by <see cref="Validate"/>).</summary>
    internal System.Net.IPAddress? ParsedSourceAddress =>
        SourceAddress is { } text && System.Net.IPAddress.TryParse(text, out var address) ? address : null;

    /// <summary>How calls are retried and timed out.</summary>
    /// <value>The default value is a <see cref="UbiOpsResilienceOptions"/> with its defaults.</value>
    public UbiOpsResilienceOptions Resilience { get; set; } = new();

    // Null until BaseUrl is set, so that UBIOPS_API_HOST fills only a base URL nobody chose.
    private string? _baseUrl;

    /// <summary>
    /// Options built from <c>UBIOPS_API_TOKEN</c> and <c>UBIOPS_API_HOST</c>, falling back to the defaults.
    /// </summary>
    /// <returns>New options; the token is <see langword="null"/> when the variable is not set.</returns>
    public static UbiOpsClientOptions FromEnvironment()
    {
        var options = new UbiOpsClientOptions();
        options.ApplyEnvironmentDefaults(Environment.GetEnvironmentVariable);
        return options;
    }

    /// <summary>
    /// Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.
    /// </summary>
    /// <exception cref="ArgumentException">The token is missing, the base URL is not valid, or a
    /// resilience setting is out of range.</exception>
    public void Validate()
    {
        var problems = FindProblems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems.Select(p => p.Message)), problems[0].Property);
        }
    }

    /// <summary>
    /// Fills what is not set from the environment: the token when it is empty, the base URL when
    /// it was never set.
    /// </summary>
    internal void ApplyEnvironmentDefaults(Func<string, string?> getVariable)
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            var token = getVariable(TokenEnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(token))
            {
                Token = token;
            }
        }

        var host = getVariable(HostEnvironmentVariable);
        if (_baseUrl is null && !string.IsNullOrWhiteSpace(host))
        {
            _baseUrl = host;
        }
    }

    /// <summary>Every problem with these options, with the name of the property at fault.</summary>
    internal IEnumerable<(string Property, string Message)> FindProblems()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            yield return (nameof(Token),
                $"No UbiOps API token is configured: set {nameof(Token)} or the {TokenEnvironmentVariable} environment variable.");
        }

        else if (ProblemOf(() => ConnectionSettings.NormalizeToken(Token)) is { } tokenProblem)
        {
            yield return (nameof(Token), tokenProblem);
        }

        if (ProblemOf(() => ConnectionSettings.NormalizeBaseUrl(BaseUrl)) is { } baseUrlProblem)
        {
            yield return (nameof(BaseUrl), baseUrlProblem);
        }

        if (SourceAddress is { } source && !System.Net.IPAddress.TryParse(source, out _))
        {
            yield return (nameof(SourceAddress), $"{nameof(SourceAddress)} must be an IP address of this host (e.g. 10.0.0.7), not '{source}'.");
        }

        if (Resilience is null)
        {
            yield return (nameof(Resilience), $"{nameof(Resilience)} must not be null.");
            yield break;
        }

        foreach (var problem in Resilience.FindProblems())
        {
            yield return (nameof(Resilience), problem);
        }
    }

    // The message of the ArgumentException a check throws, without the " (Parameter '…')" suffix.
    private static string? ProblemOf(Func<string> check)
    {
        try
        {
            _ = check();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"UbiOpsClientOptions {{ BaseUrl = {BaseUrl}, Token = {(string.IsNullOrEmpty(Token) ? "(none)" : "***")} }}";
}
