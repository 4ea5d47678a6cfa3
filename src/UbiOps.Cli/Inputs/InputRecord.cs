using Newtonsoft.Json.Linq;

namespace UbiOps.Cli.Inputs;

/// <summary>
/// One input of a file, in file order: its data, or why it could not be read.
/// </summary>
/// <param name="Index">The 0-based position among the inputs (blank lines are not inputs), or among a shard's.</param>
/// <param name="LineNumber">The 1-based line the input starts on.</param>
/// <param name="Data">The request data: a JSON object (structured) or a JSON string (plain).</param>
/// <param name="Error">Why the input is malformed; then <paramref name="Data"/> is <see langword="null"/>.</param>
/// <param name="Fingerprint">A short hash of the input as written, so a resumed run can prove it reads the same inputs.</param>
internal sealed record InputRecord(long Index, long LineNumber, JToken? Data, string? Error, string Fingerprint)
{
    public bool IsMalformed => Error is not null;

    /// <summary>The input's position among all the file's inputs, when <see cref="Index"/> counts only a shard's.</summary>
    public long? InputIndex { get; init; }
}
