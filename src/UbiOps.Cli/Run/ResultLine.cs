using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Cli.Run;

/// <summary>
/// One line of a run's output: what became of the input at <see cref="Index"/>.
/// </summary>
internal sealed record ResultLine(long Index, string? RequestId, string Status, JToken? Result, string? Error)
{
    /// <summary>The status of an input that could not be read.</summary>
    public const string InvalidInput = "invalid_input";

    /// <summary>The status of an input the API refused to accept.</summary>
    public const string Rejected = "rejected";

    public bool Succeeded => Status == "completed";

    public static ResultLine Malformed(long index, string error) => new(index, null, InvalidInput, null, error);

    /// <summary>Writes the line as one JSON object: index, request_id, status, then result or error.</summary>
    public void WriteTo(JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("index");
        writer.WriteValue(Index);
        writer.WritePropertyName("request_id");
        writer.WriteValue(RequestId);
        writer.WritePropertyName("status");
        writer.WriteValue(Status);
        if (Succeeded)
        {
            writer.WritePropertyName("result");
            (Result ?? JValue.CreateNull()).WriteTo(writer);
        }
        else
        {
            writer.WritePropertyName("error");
            writer.WriteValue(Error ?? $"the request ended with status '{Status}'");
        }

        writer.WriteEndObject();
    }
}
