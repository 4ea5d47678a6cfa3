using System.Globalization;

namespace UbiOps.Emulator.Http;

/// <summary>Reads query parameters strictly: a value that cannot be used is a 400 naming the parameter.</summary>
internal static class QueryParameters
{
    /// <summary>The value of a parameter, or null when absent or empty.</summary>
    public static string? String(HttpContext context, string name)
    {
        if (!context.Request.Query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw ApiProblem.BadRequest($"Query parameter '{name}' is given more than once.");
        }

        return string.IsNullOrEmpty(values[0]) ? null : values[0];
    }

    public static int? Integer(HttpContext context, string name, int minimum, int maximum = int.MaxValue)
    {
        var text = String(context, name);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw ApiProblem.BadRequest($"Query parameter '{name}' must be an integer, not '{Shorten(text)}'.");
        }

        if (value < minimum || value > maximum)
        {
            throw ApiProblem.BadRequest(maximum == int.MaxValue
                ? $"Query parameter '{name}' must be at least {minimum}, not {value}."
                : $"Query parameter '{name}' must be between {minimum} and {maximum}, not {value}.");
        }

        return value;
    }

    /// <summary>A boolean in any casing (<c>true</c>, <c>True</c>, as the Python client sends), or 1/0.</summary>
    public static bool? Boolean(HttpContext context, string name)
    {
        var text = String(context, name);
        return text?.ToLowerInvariant() switch
        {
            null => null,
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw ApiProblem.BadRequest($"Query parameter '{name}' must be true or false, not '{Shorten(text)}'."),
        };
    }

    public static string? OneOf(HttpContext context, string name, IReadOnlyList<string> allowed, bool ignoreCase = false)
    {
        var text = String(context, name);
        if (text is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
        return match ?? throw ApiProblem.BadRequest(
            $"Query parameter '{name}' must be one of {string.Join(", ", allowed)}, not '{Shorten(text)}'.");
    }

    /// <summary>A request priority: <c>0</c> (high) or <c>1</c> (standard).</summary>
    public static RequestPriority? Priority(HttpContext context, string name)
    {
        var text = String(context, name);
        return text switch
        {
            null => null,
            "0" => RequestPriority.High,
            "1" => RequestPriority.Standard,
            _ => throw ApiProblem.BadRequest($"Query parameter '{name}' must be 0 (high priority) or 1 (standard priority), not '{Shorten(text)}'."),
        };
    }

    /// <summary>An ISO 8601 date-time; without an offset it is taken as UTC.</summary>
    public static DateTimeOffset? DateTime(HttpContext context, string name)
    {
        var text = String(context, name);
        if (text is null)
        {
            return null;
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var value) ||
            // An unescaped '+' in a query string arrives as a space: "…T20:00:26 00:00".
            DateTimeOffset.TryParse(text.Trim().Replace(' ', '+'), CultureInfo.InvariantCulture, styles, out value))
        {
            return value;
        }

        throw ApiProblem.BadRequest($"Query parameter '{name}' must be a date-time such as 2020-03-28T20:00:26+00:00, not '{Shorten(text)}'.");
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
