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
    public const string DefaultBaseUrl = "https://api.ubiops.com/v2.1";

    /// <summary>
    /// The API token, with or without the <c>Token </c> prefix (it is added when missing).
    /// </summary>
    /// <value>The default value is <see langword="null"/>; a token is required to call the API.</value>
    public string? Token { get; set; }

    /// <summary>
    /// The base URL of the API. A host alone (<c>api.example.com</c>) gets <c>https://</c> and
    /// <c>/v2.1</c> added.
    /// </summary>
    /// <value>The default value is <see cref="DefaultBaseUrl"/>.</value>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// Options built from <c>UBIOPS_API_TOKEN</c> and <c>UBIOPS_API_HOST</c>, falling back to the defaults.
    /// </summary>
    /// <returns>New options; the token is <see langword="null"/> when the variable is not set.</returns>
    public static UbiOpsClientOptions FromEnvironment()
    {
        var options = new UbiOpsClientOptions { Token = Environment.GetEnvironmentVariable(TokenEnvironmentVariable) };
        var host = Environment.GetEnvironmentVariable(HostEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(host))
        {
            options.BaseUrl = host;
        }

        return options;
    }

    /// <summary>
    /// Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.
    /// </summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            throw new ArgumentException(
                $"No UbiOps API token is configured: set {nameof(Token)} or the {TokenEnvironmentVariable} environment variable.",
                nameof(Token));
        }

        _ = ConnectionSettings.NormalizeToken(Token);
        _ = ConnectionSettings.NormalizeBaseUrl(BaseUrl);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"UbiOpsClientOptions {{ BaseUrl = {BaseUrl}, Token = {(string.IsNullOrEmpty(Token) ? "(none)" : "***")} }}";
}
