using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client;

/// <summary>
/// The result of a deployment request, read the way it was sent: a string for a plain deployment,
/// a JSON object for a structured one (or any JSON a deployment produced).
/// </summary>
public sealed class RequestOutput
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(JsonDefaults.Create());

    private readonly JToken _json;

    /// <summary>Wraps a result as JSON.</summary>
    /// <param name="json">The result.</param>
    public RequestOutput(JToken json)
    {
        ArgumentNullException.ThrowIfNull(json);
        _json = json;
    }

    /// <summary>Whether the result is a string (a plain deployment's output).</summary>
    public bool IsPlain => _json.Type == JTokenType.String;

    /// <summary>Whether the result is a JSON object (a structured deployment's output fields).</summary>
    public bool IsStructured => _json.Type == JTokenType.Object;

    /// <summary>
    /// Wraps a result as the generated models hold it (a <see cref="JToken"/> or a JSON primitive).
    /// </summary>
    /// <param name="result">The model's <c>Result</c>.</param>
    /// <returns>The output, or <see langword="null"/> when there is no result.</returns>
    public static RequestOutput? From(object? result) => result switch
    {
        null => null,
        JToken { Type: JTokenType.Null } => null,
        JToken token => new RequestOutput(token),
        RequestOutput output => output,
        _ => new RequestOutput(JToken.FromObject(result, Serializer)),
    };

    /// <summary>
    /// The result as text: a plain result's string itself, any other result as compact JSON.
    /// </summary>
    /// <returns>The text.</returns>
    public string AsString() => _json.Type == JTokenType.String ? _json.Value<string>()! : _json.ToString(Formatting.None);

    /// <summary>A copy of the result as JSON.</summary>
    /// <returns>The JSON.</returns>
    public JToken AsJson() => _json.DeepClone();

    /// <summary>The result converted to <typeparamref name="T"/> with the API's JSON conventions.</summary>
    /// <typeparam name="T">A type the result deserializes to (a class with the output fields, a dictionary, a string...).</typeparam>
    /// <returns>The converted result.</returns>
    /// <exception cref="JsonException">The result does not convert to <typeparamref name="T"/>.</exception>
    public T? As<T>() => _json.ToObject<T>(Serializer);

    /// <inheritdoc cref="AsString"/>
    public override string ToString() => AsString();
}
