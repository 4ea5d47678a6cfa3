using Newtonsoft.Json;

namespace UbiOps.Client;

/// <summary>The JSON conventions of the UbiOps API, shared by the client and the emulator.</summary>
public static class JsonDefaults
{
    /// <summary>The API's time format, e.g. <c>2020-03-28T20:00:26.613+00:00</c>.</summary>
    public const string DateFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffzzz";

    /// <summary>
    /// Applies the API's conventions to serializer settings.
    /// </summary>
    /// <param name="settings">The settings to change.</param>
    public static void Apply(JsonSerializerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Request data and results are free-form JSON: a string that looks like a date must stay
        // the string the deployment produced, not become a DateTime.
        settings.DateParseHandling = DateParseHandling.None;
        settings.DateFormatString = DateFormat;
        settings.FloatParseHandling = FloatParseHandling.Double;
    }

    /// <summary>New settings with the API's conventions applied.</summary>
    /// <returns>The settings.</returns>
    public static JsonSerializerSettings Create()
    {
        var settings = new JsonSerializerSettings();
        Apply(settings);
        return settings;
    }
}
