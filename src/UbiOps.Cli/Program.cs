using UbiOps.Cli;

return await CliApplication.InvokeAsync(args, CliEnvironment.FromConsole());
