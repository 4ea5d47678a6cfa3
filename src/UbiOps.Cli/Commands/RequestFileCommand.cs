using System.CommandLine;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Inputs;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary><c>input</c> and <c>output</c>: save a request's input or output file (today's service).</summary>
internal static class RequestFileCommand
{
    public static Command Input(CliEnvironment environment) => Build(environment, "input",
        "Write a request's input, as the server keeps it (JSON, or text for a plain deployment), to a file or stdout.",
        (scope, id, ct) => scope.DownloadInputAsync(id, ct));

    public static Command Output(CliEnvironment environment) => Build(environment, "output",
        "Write a completed request's output (JSON, or text for a plain deployment) to a file or stdout; there is none before it completes.",
        (scope, id, ct) => scope.DownloadOutputAsync(id, ct));

    private static Command Build(CliEnvironment environment, string name, string description, Func<DeploymentScope, string, CancellationToken, Task<RequestFile>> download)
    {
        var target = new TargetOptions();
        var id = new Argument<string>("request-id") { Description = "The request id." };
        var file = new Option<string?>("--file", "-f")
        {
            Description = "The file to write (replaced when it exists); '-' or none: stdout.",
            HelpName = "path",
        };

        var command = new Command(name, description + " Served by today's service; on a 2024-07 server read request_data and result with 'get'.");
        command.Arguments.Add(id);
        target.AddTo(command);
        command.Options.Add(file);
        CommandAction.Set(command, target, environment, async context =>
        {
            var requestId = context.Parse.GetRequiredValue(id);
            var path = context.Parse.GetValue(file) is { } given && given != InputSource.Stdin ? environment.ResolvePath(given) : null;
            if (path is not null && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
            {
                throw new CliUsageException($"--file '{context.Parse.GetValue(file)}': the folder '{folder}' does not exist.");
            }

            await using var content = await download(context.Scope, requestId, context.Cancellation);
            if (path is null)
            {
                using var reader = new StreamReader(content.Content);
                await context.Out.WriteAsync(await reader.ReadToEndAsync(context.Cancellation));
                await context.Out.FlushAsync(context.Cancellation);
                return ExitCodes.Success;
            }

            await content.SaveAsAsync(path, context.Cancellation);
            context.Error.WriteLine($"saved the {name} of {requestId} to {path} ({content.ContentType ?? "unknown type"}, {new FileInfo(path).Length} bytes)");
            return ExitCodes.Success;
        });
        return command;
    }
}
