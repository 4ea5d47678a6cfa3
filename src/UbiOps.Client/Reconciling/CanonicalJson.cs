using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client;

/// <summary>
/// One text per JSON value, whatever the order of object properties or the spelling of numbers
/// (<c>1</c> and <c>1.0</c> are the same value): how an input is recognised in a stored request's
/// <c>request_data</c>.
/// </summary>
internal static class CanonicalJson
{
    public static string Of(JToken? token)
    {
        var text = new StringBuilder();
        using (var writer = new JsonTextWriter(new StringWriter(text, CultureInfo.InvariantCulture)) { Formatting = Formatting.None })
        {
            Write(writer, token ?? JValue.CreateNull());
        }

        return text.ToString();
    }

    public static string Of(RequestInput input) => Of(input.ToJson());

    private static void Write(JsonWriter writer, JToken token)
    {
        switch (token)
        {
            case JObject obj:
                writer.WriteStartObject();
                foreach (var property in obj.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JValue { Type: JTokenType.Float } number:
                var value = Convert.ToDouble(number.Value, CultureInfo.InvariantCulture);
                if (Math.Abs(value) < 1e15 && value == Math.Floor(value))
                {
                    writer.WriteRawValue(((long)value).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
                }

                break;
            default:
                token.WriteTo(writer);
                break;
        }
    }
}
