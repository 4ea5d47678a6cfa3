using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client;

/// <summary>
/// The data of a request as the server holds it: its input (<c>request_data</c>) or its result.
/// A string for a plain deployment, a JSON object with the fields for a structured one, or any
/// JSON value a deployment produced. Read it as text, as JSON or as your own type.
/// </summary>
/// <example>
/// <code>
/// string text = detail.Result!.AsString();
/// Prediction prediction = detail.Result!.As&lt;Prediction&gt;()!;
/// </code>
/// </example>
[JsonConverter(typeof(RequestPayloadJsonConverter))]
public sealed class RequestPayload : IEquatable<RequestPayload>
{
    private readonly JToken _json;

    private RequestPayload(JToken json) => _json = json;

    /// <summary>Whether the payload is a string (a plain deployment's data).</summary>
    public bool IsPlain => _json.Type == JTokenType.String;

    /// <summary>Whether the payload is a JSON object (a structured deployment's fields).</summary>
    public bool IsStructured => _json.Type == JTokenType.Object;

    /// <summary>A payload holding a copy of <paramref name="json"/>, e.g. to build a model in a test.</summary>
    /// <param name="json">Any JSON value but null.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is a JSON null.</exception>
    public static RequestPayload FromJson(JToken json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.Type == JTokenType.Null
            ? throw new ArgumentException("A request payload cannot be a JSON null; a missing payload is a null property.", nameof(json))
            : new RequestPayload(json.DeepClone());
    }

    /// <summary>A payload parsed from JSON text.</summary>
    /// <param name="json">Standard JSON text of any value but null.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ArgumentException">The text is not valid JSON, or is <c>null</c>.</exception>
    public static RequestPayload Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromJson(JsonDefaults.ParseToken(json, nameof(json)));
    }

    /// <summary>The payload as text: a plain payload's string itself, any other as compact JSON.</summary>
    /// <returns>The text.</returns>
    public string AsString() => IsPlain ? _json.Value<string>()! : _json.ToString(Formatting.None);

    /// <summary>A copy of the payload as JSON.</summary>
    /// <returns>The JSON.</returns>
    public JToken AsJson() => _json.DeepClone();

    /// <summary>The payload converted to <typeparamref name="T"/> with the API's JSON conventions.</summary>
    /// <typeparam name="T">A type the payload deserializes to (a class with the fields, a dictionary, a string ...).</typeparam>
    /// <returns>The converted payload.</returns>
    /// <exception cref="JsonException">The payload does not convert to <typeparamref name="T"/>.</exception>
    public T? As<T>() => _json.ToObject<T>(JsonDefaults.Serializer);

    /// <summary>
    /// Whether this payload is the JSON that <paramref name="input"/> sends: how a request's stored
    /// <c>request_data</c> is matched to the input it was created from.
    /// </summary>
    /// <param name="input">An input.</param>
    /// <returns>
    /// <see langword="true"/> when both are the same JSON value, whatever the order of object
    /// properties or the spelling of numbers (the rule a lost answer's look-up uses).
    /// </returns>
    public bool Matches(RequestInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return string.Equals(CanonicalJson.Of(_json), CanonicalJson.Of(input), StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public bool Equals(RequestPayload? other) => other is not null && JToken.DeepEquals(_json, other._json);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RequestPayload);

    /// <inheritdoc />
    public override int GetHashCode() => new JTokenEqualityComparer().GetHashCode(_json);

    /// <inheritdoc cref="AsString"/>
    public override string ToString() => AsString();

    internal static RequestPayload? FromToken(JToken token) =>
        token.Type == JTokenType.Null ? null : new RequestPayload(token);

    internal void WriteTo(JsonWriter writer) => _json.WriteTo(writer);
}
