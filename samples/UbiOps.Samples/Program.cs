// Runs every README example and prints what it returned; without UBIOPS_API_TOKEN against an embedded emulator.
return await UbiOps.Samples.SampleProgram.RunAsync(Console.Out, Environment.GetEnvironmentVariable);
