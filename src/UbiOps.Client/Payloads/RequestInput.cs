using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client;

/// <summary>
/// The input of one deployment request: plain text for a plain deployment, or a JSON object with
/// the input fields for a structured deployment.
/// </summary>
/// <remarks>
/// A plain input is sent as a JSON string, a structured one as a JSON object. Strings and JSON
/// objects convert implicitly; dictionaries and any other serializable class go through
/// <see cref="FromObject"/>. A structured input is a copy: changing the source afterwards does not
/// change the input.
/// </remarks>
/// <example>
/// <code>
/// RequestInput plain = "hello";
/// RequestInput structured = RequestInput.FromObject(new { input_field_1 = 5.0 });
/// </code>
/// </example>
[JsonConverter(typeof(RequestInputJsonConverter))]
public sealed class RequestInput : IEquatable<RequestInput>
{
    private readonly string? _text;
    private readonly JObject? _fields;

    private RequestInput(string? text, JObject? fields)
    {
        _text = text;
        _fields = fields;
    }

    /// <summary>Whether this is a plain (string) input.</summary>
    public bool IsPlain => _text is not null;

    /// <summary>Whether this is a structured (JSON object) input.</summary>
    public bool IsStructured => _fields is not null;

    /// <summary>The text of a plain input; <see langword="null"/> for a structured one.</summary>
    public string? Text => _text;

    /// <summary>
    /// A copy of the fields of a structured input; <see langword="null"/> for a plain one.
    /// </summary>
    public JObject? Fields => (JObject?)_fields?.DeepClone();

    /// <summary>A plain input.</summary>
    /// <param name="text">The text; may be empty, not <see langword="null"/>.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static RequestInput Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new RequestInput(text, null);
    }

    /// <summary>
    /// An input from any value: a string becomes a plain input; anything else must serialize
    /// (with the API's JSON conventions) to a JSON object and becomes a structured input.
    /// </summary>
    /// <param name="value">A string, <see cref="JObject"/>, dictionary or serializable object.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value does not serialize to a JSON object (a number, a list, ...).</exception>
    public static RequestInput FromObject(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case RequestInput input:
                return input;
            case string text:
                return new RequestInput(text, null);
            case JValue { Type: JTokenType.String } jsonText:
                return new RequestInput((string)jsonText!, null);
        }

        var token = value as JToken ?? JToken.FromObject(value, JsonDefaults.Serializer);
        return token is JObject fields
            ? new RequestInput(null, (JObject)fields.DeepClone())
            : throw new ArgumentException(
                $"A structured request input must be a JSON object with the input fields as keys, but the {value.GetType().Name} given serializes to a JSON {token.Type.ToString().ToLowerInvariant()}.",
                nameof(value));
    }

    /// <summary>
    /// An input from JSON text: a JSON string becomes a plain input, a JSON object a structured one.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">The text is not valid JSON, or neither a string nor an object.</exception>
    public static RequestInput FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromParsed(JsonDefaults.ParseToken(json, nameof(json)));
    }

    /// <summary>
    /// An input from JSON just parsed, which nothing else holds: taken as it is, not copied (one
    /// input per line of a large file; <see cref="FromObject"/> would copy it). A string is a plain
    /// input, an object a structured one; anything else is refused as by <see cref="FromObject"/>.
    /// Do not change the token afterwards.
    /// </summary>
    /// <param name="token">The parsed JSON.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">Neither a string nor an object.</exception>
    public static RequestInput FromParsed(JToken token) => token switch
    {
        null => throw new ArgumentNullException(nameof(token)),
        { Type: JTokenType.String } => new RequestInput(token.Value<string>()!, null),
        JObject fields => new RequestInput(null, fields),
        _ => FromObject(token),
    };

    /// <summary>A plain input from a string.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator RequestInput(string text) => Plain(text);

    /// <summary>A structured input from a JSON object.</summary>
    /// <param name="fields">The input fields.</param>
    public static implicit operator RequestInput(JObject fields) => FromObject(fields);


    /// <summary>The JSON form of the input, as sent to the API.</summary>
    /// <returns>A JSON string or object.</returns>
    public JToken ToJson() => _text is not null ? new JValue(_text) : _fields!.DeepClone();

    /// <inheritdoc />
    public bool Equals(RequestInput? other) =>
        other is not null && (_text is not null
            ? string.Equals(_text, other._text, StringComparison.Ordinal)
            : other._fields is not null && JToken.DeepEquals(_fields, other._fields));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RequestInput);

    /// <inheritdoc />
    public override int GetHashCode() => _text?.GetHashCode(StringComparison.Ordinal) ?? new JTokenEqualityComparer().GetHashCode(_fields!);

    /// <summary>The input as compact JSON, as sent to the API.</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => ToJson().ToString(Formatting.None);

    internal void WriteTo(JsonWriter writer)
    {
        if (_text is not null)
        {
            writer.WriteValue(_text);
        }
        else
        {
            _fields!.WriteTo(writer);
        }
    }
}
