using System.CommandLine;
using UbiOps.Client;
using UbiOps.Emulator;

// The standalone emulator: `ubiops-emulator --port 5080`, or `dotnet run --project src/UbiOps.Emulator.Tool -- --port 5080`.
var api = new Option<string>("--api")
{
    Description = "The generation of the API to serve: 2025-12 (the service as it is today: 22 operations) or 2024-07 (16 operations, the list of July 2024).",
    DefaultValueFactory = _ => ApiGeneration.Latest.Name,
};
var port = new Option<int>("--port") { Description = "TCP port to listen on (0 picks a free one).", DefaultValueFactory = _ => 5080 };
var host = new Option<string>("--host") { Description = "Address to listen on; loopback only unless e.g. 0.0.0.0.", DefaultValueFactory = _ => "127.0.0.1" };
var token = new Option<string>("--token") { Description = "The API token to accept.", DefaultValueFactory = _ => EmulatorOptions.DefaultToken };
var project = new Option<string>("--project") { Description = "The project to serve.", DefaultValueFactory = _ => EmulatorOptions.DefaultProject };
var database = new Option<string?>("--db") { Description = "SQLite file that keeps requests across restarts (default: a temporary database)." };
var config = new Option<string?>("--config") { Description = "JSON file declaring more deployments." };
var workers = new Option<int>("--workers") { Description = "Batch requests processed at the same time (echo and fail need none: they run as accepted).", DefaultValueFactory = _ => 4 };
var rateLimit = new Option<string?>("--rate-limit") { Description = "Rate limit per remote address, e.g. 300/min (default: off)." };
var faults = new Option<string?>("--faults")
{
    Description = "Injected faults: before handling 429=0.1,500=0.05,503=0.05,drop=0.01,latency=200ms@0.2; after the call was stored " +
                  "(only the answer is lost) 500-after=0.02,502-after=0.01,504-after=0.01,drop-after=0.02,delay-after=5s@0.01.",
};

var root = new RootCommand("A local, stateful emulator of the UbiOps Deployment Requests API.")
{
    api, port, host, token, project, database, config, workers, rateLimit, faults,
};

root.SetAction(async (parse, ct) =>
{
    EmulatorOptions options;
    try
    {
        options = new EmulatorOptions
        {
            Api = ApiGeneration.Parse(parse.GetValue(api)!),
            Port = parse.GetValue(port),
            Host = parse.GetValue(host)!,
            Token = parse.GetValue(token)!,
            Project = parse.GetValue(project)!,
            DatabasePath = parse.GetValue(database),
            ConfigPath = parse.GetValue(config),
            Workers = parse.GetValue(workers),
            RateLimit = parse.GetValue(rateLimit) is { } limit ? RateLimitOptions.Parse(limit) : null,
            Faults = parse.GetValue(faults) is { } spec ? FaultOptions.Parse(spec) : null,
        };
    }
    catch (FormatException ex)
    {
        await Console.Error.WriteLineAsync($"error: {ex.Message}");
        return 2;
    }

    UbiOpsEmulator emulator;
    try
    {
        emulator = await UbiOpsEmulator.StartAsync(options, ct);
    }
    catch (Exception ex) when (ex is ArgumentException or FormatException or IOException)
    {
        await Console.Error.WriteLineAsync($"error: {ex.Message}");
        return 2;
    }

    await using (emulator)
    {
        Console.WriteLine($"UbiOps emulator listening on {emulator.BaseUrl}");
        // Only the default token is public: a token that was given may be a real one, and banners end up in CI logs.
        Console.WriteLine($"Token: {(emulator.Token == EmulatorOptions.DefaultToken ? emulator.Token : "(as given by --token)")}");
        Console.WriteLine($"Project: {emulator.Project}");
        Console.WriteLine($"API: {options.Api.Name}");
        Console.WriteLine($"Database: {(options.DatabasePath is null ? "temporary" : emulator.DatabasePath)}");
        Console.WriteLine($"API reference: {emulator.RootUrl}/docs");
        Console.WriteLine("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop cleanly.
        }
    }

    return 0;
});

return await root.Parse(args).InvokeAsync();
