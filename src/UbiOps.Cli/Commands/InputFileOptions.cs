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
        Description = "Inputs: a JSON-lines file (one JSON object, or JSON string for a plain deployment, per line) " +
                      "or a file with one JSON array; '-' reads stdin.",
        HelpName = "file",
        Required = true,
    };

    public Option<InputFormat> Format { get; } = new("--input-format")
    {
        Description = "How the input is laid out: auto (a JSON array when it starts with '['), jsonl or json.",
        HelpName = "auto|jsonl|json",
        DefaultValueFactory = _ => InputFormat.Auto,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Format);
    }
}
