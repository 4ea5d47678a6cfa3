using System.CommandLine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Inputs;
using UbiOps.Cli.Rendering;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary><c>create</c>: one direct request, answered with its result.</summary>
internal static class CreateCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var target = new TargetOptions();
        var data = new Option<string>("--data")
        {
            Description = "The request data: a JSON object for a structured deployment, text (or a JSON string) for a plain one; '-' reads stdin.",
            HelpName = "json-or-text",
            Required = true,
        };
        var plain = new Option<bool>("--plain") { Description = "Send --data as text even when it is JSON." };
        var timeout = TimeoutOption.ForDirect();
        var priority = PriorityOption.Create();

        var command = new Command("create", "Create a direct request, wait for it, and print it (status, result or error) as JSON.");
        target.AddTo(command);
        command.Options.Add(data);
        command.Options.Add(plain);
        command.Options.Add(timeout);
        command.Options.Add(priority);
        CommandAction.Set(command, target, environment, async context =>
        {
            var text = context.Parse.GetRequiredValue(data);
            if (text == InputSource.Stdin)
            {
                text = await environment.OpenStdin().ReadToEndAsync(context.Cancellation);
            }

            var input = context.Parse.GetValue(plain) ? RequestInput.Plain(text) : Interpret(text);
            var options = new DirectRequestOptions
            {
                Timeout = TimeoutOption.ToTimeSpan(context.Parse.GetValue(timeout)),
                Priority = PriorityOption.Value(context.Parse, priority),
            };
            var response = await context.Scope.CreateAsync(input, options, context.Cancellation);
            JsonOutput.WriteIndented(context.Out, response);
            return response.Status == RequestStatus.Completed ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
        });
        return command;
    }

    // A JSON object is structured, a JSON string plain; anything that is not JSON is plain text.
    private static RequestInput Interpret(string text)
    {
        try
        {
            var token = JToken.Parse(text);
            return token.Type switch
            {
                JTokenType.Object => RequestInput.FromObject(token),
                JTokenType.String => RequestInput.Plain(token.Value<string>()!),
                _ => RequestInput.Plain(text),
            };
        }
        catch (JsonReaderException)
        {
            return RequestInput.Plain(text);
        }
    }
}
