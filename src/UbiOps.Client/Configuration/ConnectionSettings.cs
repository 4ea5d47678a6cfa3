namespace UbiOps.Client;

/// <summary>
/// Normalizes tokens and hosts the way the official UbiOps clients do.
/// </summary>
internal static class ConnectionSettings
{
    private const string TokenPrefix = "Token ";

    /// <summary>
    /// Returns the value of the <c>Authorization</c> header for a token: <c>Token &lt;token&gt;</c>,
    /// adding the prefix when it is missing.
    /// </summary>
    /// <param name="token">The token, with or without the prefix.</param>
    /// <returns>The header value.</returns>
    /// <exception cref="ArgumentException">The token is empty, only the prefix, or contains a control character.</exception>
    public static string NormalizeToken(string token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("The UbiOps API token is empty.", nameof(token));
        }

        var trimmed = token.Trim();
        var bare = trimmed.StartsWith(TokenPrefix, StringComparison.OrdinalIgnoreCase)
            ? trimmed[TokenPrefix.Length..].Trim()
            : trimmed;
        // "Token" alone (e.g. UBIOPS_API_TOKEN="Token ") is a prefix without a token, not a token.
        if (bare.Length == 0 || bare.Equals(TokenPrefix.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The UbiOps API token is empty: only the 'Token' prefix is given.", nameof(token));
        }

        // A line break would end the header early; the message must not echo the token itself.
        if (bare.Any(char.IsControl))
        {
            throw new ArgumentException("The UbiOps API token contains a control character (such as a line break).", nameof(token));
        }

        // An HTTP header carries ASCII only: such a token could never be sent (the call would fail
        // late, looking like an unreachable host). Its position only, never the character itself.
        var outside = bare.AsSpan().IndexOfAnyExceptInRange('!', '~');
        if (outside >= 0)
        {
            throw new ArgumentException(
                $"The UbiOps API token has a character at position {outside + 1} that is not printable ASCII (a space, or a letter such as é); " +
                "tokens are ASCII: check that it was copied whole.", nameof(token));
        }

        return TokenPrefix + bare;
    }

    /// <summary>
    /// Returns an absolute base URL ending in the API version: a scheme (<c>https</c>) is added when
    /// missing, and <c>/v2.1</c> when the URL has no path.
    /// </summary>
    /// <param name="baseUrl">A URL or a bare host name.</param>
    /// <returns>The normalized URL, without a trailing slash.</returns>
    /// <exception cref="ArgumentException">
    /// The value is empty, not a valid http(s) URL, or has a query, fragment or user credentials.
    /// </exception>
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

        // Operation paths are appended to the base URL, so a query or fragment would end up in the
        // middle of every URL; credentials in a URL would leak into logs (the token authenticates).
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new ArgumentException($"The UbiOps API base URL '{baseUrl}' must not contain a query or fragment.", nameof(baseUrl));
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new ArgumentException("The UbiOps API base URL must not contain user credentials; the token authenticates.", nameof(baseUrl));
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.Length == 0)
        {
            path = ApiRoutes.BasePath;
        }

        return $"{uri.Scheme}://{uri.Authority}{path}";
    }
}
