namespace UbiOps.Cli.Inputs;

/// <summary>How an input file is laid out.</summary>
internal enum InputFormat
{
    /// <summary>A JSON array when the first non-blank character is <c>[</c>, otherwise JSON lines.</summary>
    Auto,

    /// <summary>One JSON value per line; blank lines are skipped.</summary>
    Jsonl,

    /// <summary>One JSON array of values.</summary>
    Json,

    /// <summary>
    /// Plain text: each line is one input for a plain deployment, sent as it is (not parsed as
    /// JSON); blank lines are skipped.
    /// </summary>
    Text,
}
