using System.CommandLine;
using UbiOps.Cli.Inputs;

namespace UbiOps.Cli.Commands;

/// <summary>The input file of <c>batch</c> and <c>run</c>: JSON lines or a JSON array, or stdin.</summary>
internal sealed class InputFileOptions
{
    public InputFileOptions(CliEnvironment environment)
    {
        Input.Validators.Add(ExistingFile.Validator(environment));
    }

    public Option<string> Input { get; } = new("--input", "-i")
    {
        Description = "Inputs: a JSON-lines file (one JSON object, or JSON string for a plain deployment, per line), " +
                      "a file with one JSON array, or (--input-format text) plain text, one input per line; '-' reads stdin.",
        HelpName = "file",
        Required = true,
    };

    public Option<InputFormat> Format { get; } = new("--input-format")
    {
        Description = "How the input is laid out: auto (a JSON array when it starts with '['), jsonl, json, or text " +
                      "(each line sent as it is to a plain deployment, no JSON; blank lines skipped). Default: auto.",
        HelpName = "auto|jsonl|json|text",

        // No DefaultValueFactory: help would print the member's name ([default: Auto]), not the word
        // to type; auto is the enum's first member, so an absent option reads as auto.
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Format);
    }
}
