namespace UbiOps.Client;

/// <summary>
/// Normalizes tokens and hosts the way the official UbiOps clients do.
/// </summary>
public static class ConnectionSettings
{
    private const string TokenPrefix = "Token ";

    /// <summary>
    /// Returns the value of the <c>Authorization</c> header for a token: <c>Token &lt;token&gt;</c>,
    /// adding the prefix when it is missing.
    /// </summary>
    /// <param name="token">The token, with or without the prefix.</param>
    /// <returns>The header value.</returns>
    /// <exception cref="ArgumentException">The token is empty.</exception>
    public static string NormalizeToken(string token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("The UbiOps API token is empty.", nameof(token));
        }

        var trimmed = token.Trim();
        return trimmed.StartsWith(TokenPrefix, StringComparison.OrdinalIgnoreCase)
            ? TokenPrefix + trimmed[TokenPrefix.Length..].Trim()
            : TokenPrefix + trimmed;
    }

    /// <summary>
    /// Returns an absolute base URL ending in the API version: a scheme (<c>https</c>) is added when
    /// missing, and <c>/v2.1</c> when the URL has no path.
    /// </summary>
    /// <param name="baseUrl">A URL or a bare host name.</param>
    /// <returns>The normalized URL, without a trailing slash.</returns>
    /// <exception cref="ArgumentException">The value is empty or not a valid http(s) URL.</exception>
    public static string NormalizeBaseUrl(string baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            throw new ArgumentException("The UbiOps API base URL is empty.", nameof(baseUrl));
        }

        var candidate = baseUrl.Trim();
        if (!candidate.Contains("://", StringComparison.Ordinal))
        {
            candidate = "https://" + candidate;
        }

        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The UbiOps API base URL '{baseUrl}' is not a valid http or https URL.", nameof(baseUrl));
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.Length == 0)
        {
            path = "/v2.1";
        }

        return $"{uri.Scheme}://{uri.Authority}{path}";
    }
}
