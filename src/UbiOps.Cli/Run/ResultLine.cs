using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Client;

namespace UbiOps.Cli.Run;

/// <summary>
/// One line of a run's output: what became of the input at <see cref="Index"/> (the input's
/// position among the inputs, 0 for the first; blank lines are not inputs), read from line
/// <see cref="LineNumber"/> of the input file.
/// </summary>
internal sealed record ResultLine(long Index, long LineNumber, string? RequestId, string Status, JToken? Result, string? Error)
{
    /// <summary>For an ambiguous input, the requests that hold the same input.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    /// <summary>How an input whose look-up could not tell its request was settled (<c>--on-ambiguous</c>); none when it was not.</summary>
    public AmbiguityResolution Resolution { get; init; }

    /// <summary>The status of an input that could not be read.</summary>
    public const string InvalidInput = "invalid_input";

    /// <summary>The status of an input the API refused to accept.</summary>
    public const string Rejected = "rejected";

    /// <summary>The status of a request the server no longer knows.</summary>
    public const string Missing = "missing";

    /// <summary>The status of an input whose batch call lost its answer, when the server's records could not tell its request.</summary>
    public const string Ambiguous = "ambiguous";

    public bool Succeeded => Status == RequestStatus.Completed.Value;

    /// <summary>The line for an outcome of the run engine.</summary>
    public static ResultLine From(RequestOutcome outcome, long lineNumber, string? unreadable) => outcome.Kind switch
    {
        OutcomeKind.Finished => new(outcome.Index, lineNumber, outcome.RequestId, outcome.Status.Value, outcome.Result?.AsJson(), outcome.ErrorMessage)
        {
            Resolution = outcome.Resolution,
        },
        OutcomeKind.Rejected when unreadable is not null => new(outcome.Index, lineNumber, null, InvalidInput, null, unreadable),
        // Every error names the input's line, as a malformed line's does.
        OutcomeKind.Rejected => new(outcome.Index, lineNumber, null, Rejected, null, $"line {lineNumber}: {outcome.ErrorMessage}"),
        OutcomeKind.Ambiguous => new(outcome.Index, lineNumber, null, Ambiguous, null, $"line {lineNumber}: {outcome.ErrorMessage}") { Candidates = outcome.CandidateRequestIds },
        _ => new(outcome.Index, lineNumber, outcome.RequestId, Missing, null, $"line {lineNumber}: {outcome.ErrorMessage}"),
    };

    /// <summary>Writes the line as one JSON object: index, line, request_id, status, then result or error (and an ambiguous input's candidates).</summary>
    public void WriteTo(JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("index");
        writer.WriteValue(Index);
        writer.WritePropertyName("line");
        writer.WriteValue(LineNumber);
        writer.WritePropertyName("request_id");
        writer.WriteValue(RequestId);
        writer.WritePropertyName("status");
        writer.WriteValue(Status);
        if (Resolution != AmbiguityResolution.None)
        {
            // Its batch call lost its answer and the look-up could not tell its request: say how it was settled.
            writer.WritePropertyName("ambiguous");
            writer.WriteValue(Resolution == AmbiguityResolution.Adopted ? "adopted" : "resent");
        }

        if (Succeeded)
        {
            writer.WritePropertyName("result");
            (Result ?? JValue.CreateNull()).WriteTo(writer);
        }
        else
        {
            writer.WritePropertyName("error");
            writer.WriteValue(Error ?? $"the request ended with status '{Status}'");
            if (Status == Ambiguous)
            {
                writer.WritePropertyName("candidates");
                writer.WriteStartArray();
                foreach (var id in Candidates)
                {
                    writer.WriteValue(id);
                }

                writer.WriteEndArray();
            }
        }

        writer.WriteEndObject();
    }
}
