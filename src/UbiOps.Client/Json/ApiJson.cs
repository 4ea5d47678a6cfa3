using Newtonsoft.Json;

namespace UbiOps.Client;

/// <summary>
/// The JSON conventions of the UbiOps API, for writing its models and payloads as it does (a tool
/// that prints requests, a results file): its time format, and serializer settings that keep
/// free-form request data and results as they are (a string that looks like a date stays a string).
/// </summary>
public static class ApiJson
{
    /// <summary>The API's time format, e.g. <c>2020-03-28T20:00:26.613+00:00</c>.</summary>
    public const string DateFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffzzz";

    /// <summary>New serializer settings with the API's conventions.</summary>
    /// <returns>The settings.</returns>
    public static JsonSerializerSettings CreateSettings() => JsonDefaults.Create();
}
