using System.CommandLine.Parsing;
using UbiOps.Cli.Inputs;

namespace UbiOps.Cli.Commands;

/// <summary>Checks at parse time that a file option names a file (or '-'), before anything connects.</summary>
internal static class ExistingFile
{
    public static Action<OptionResult> Validator(CliEnvironment environment) => result =>
    {
        var value = result.GetValueOrDefault<string?>();
        if (value is not null && value != InputSource.Stdin && !File.Exists(environment.ResolvePath(value)))
        {
            result.AddError($"{result.Option.Name} '{value}': no such file.");
        }
    };
}
