using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client;

/// <summary>
/// How the server counts a request's <c>input_size</c>, learnt from requests whose input and size
/// it has seen both of: a lost answer's look-up then reads only the inputs of requests whose size
/// one of the call's inputs could have. Shared by one client's calls; thread-safe.
/// </summary>
/// <remarks>
/// The docs say only "size of the request data". The ways a server might count it are tried on
/// every request seen; those that ever miscount are dropped for good. Until one has counted a
/// seen request right, sizes rule nothing out (every candidate's input is read): a size can skip a
/// request only while every way still standing says no input of the call has it. A server that
/// counts in none of these ways is soon caught miscounting by all of them, and sizes are not used.
/// </remarks>
internal sealed class InputSizes
{
    // Each way of counting, by the JSON text it counts: compact (what .NET writes) or with Python's
    // json.dumps spacing, non-ASCII as UTF-8 or escaped; and a plain input's own text.
    private static readonly Func<JToken, string?>[] Ways =
    [
        token => Write(token, spaced: false, escapeNonAscii: false),
        token => Write(token, spaced: false, escapeNonAscii: true),
        token => Write(token, spaced: true, escapeNonAscii: false),
        token => Write(token, spaced: true, escapeNonAscii: true),
        token => token.Type == JTokenType.String ? token.Value<string>() : null,
    ];

    private readonly object _gate = new();
    private readonly bool[] _ruledOut = new bool[Ways.Length];
    private bool _confirmed;

    /// <summary>Learns from a request whose input (as the server keeps it) and <c>input_size</c> are both known.</summary>
    public void Observe(JToken input, long size)
    {
        var sizes = Ways.Select(way => SizeOf(way, input)).ToArray();
        lock (_gate)
        {
            for (var i = 0; i < Ways.Length; i++)
            {
                if (sizes[i] != size)
                {
                    _ruledOut[i] = true;
                }
            }

            _confirmed = _ruledOut.Any(ruledOut => !ruledOut);
        }
    }

    /// <summary>
    /// The sizes the server could give requests holding one of <paramref name="inputs"/>;
    /// <see langword="null"/> while no way of counting is confirmed (then sizes rule nothing out).
    /// </summary>
    public IReadOnlySet<long>? Of(IEnumerable<JToken> inputs)
    {
        int[] standing;
        lock (_gate)
        {
            if (!_confirmed)
            {
                return null;
            }

            standing = Enumerable.Range(0, Ways.Length).Where(i => !_ruledOut[i]).ToArray();
        }

        return inputs.SelectMany(input => standing.Select(i => SizeOf(Ways[i], input))).OfType<long>().ToHashSet();
    }

    private static long? SizeOf(Func<JToken, string?> way, JToken input) =>
        way(Normalized(input)) is { } text ? Encoding.UTF8.GetByteCount(text) : null;

    // What a server holds after parsing the JSON it was sent: numbers as doubles (1.50 is 1.5).
    private static JToken Normalized(JToken input) => JsonDefaults.ParseToken(input.ToString(Formatting.None), nameof(input));

    // Python's json.dumps writes ", " between items and ": " after keys.
    private static string Write(JToken token, bool spaced, bool escapeNonAscii) => token switch
    {
        JObject obj => "{" + string.Join(spaced ? ", " : ",", obj.Properties().Select(p =>
            Scalar(new JValue(p.Name), escapeNonAscii) + (spaced ? ": " : ":") + Write(p.Value, spaced, escapeNonAscii))) + "}",
        JArray array => "[" + string.Join(spaced ? ", " : ",", array.Select(item => Write(item, spaced, escapeNonAscii))) + "]",
        _ => Scalar(token, escapeNonAscii),
    };

    private static string Scalar(JToken token, bool escapeNonAscii)
    {
        var text = new StringBuilder();
        using (var writer = new JsonTextWriter(new StringWriter(text, CultureInfo.InvariantCulture))
        {
            StringEscapeHandling = escapeNonAscii ? StringEscapeHandling.EscapeNonAscii : StringEscapeHandling.Default,
        })
        {
            token.WriteTo(writer);
        }

        return text.ToString();
    }
}
