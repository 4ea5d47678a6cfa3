using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using UbiOps.Cli.Errors;

namespace UbiOps.Cli.Commands;

/// <summary>The standard help, followed by the exit codes every command shares.</summary>
internal sealed class HelpWithExitCodesAction(HelpAction standard) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine(ExitCodes.HelpText);
        output.WriteLine();
        return ExitCodes.Success;
    }
}
