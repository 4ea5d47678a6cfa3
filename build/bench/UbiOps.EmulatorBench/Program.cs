using System.Globalization;
using UbiOps.EmulatorBench;

// Two measurements of a running emulator, each printed as one line of `key=value` pairs:
//   load     N echo inputs in batch creates of 250 (C calls in flight), collected (250 ids a call)
//            until every request has finished; the client's wall time and the emulator's own
//            window, from the first request's time_created to the last one's time_completed.
//   window   the same window for the requests named in a results file of `ubiops-requests run`.
//
//   dotnet run -c Release --project build/bench/UbiOps.EmulatorBench -- load <base-url> <inputs> [concurrency=4]
//   dotnet run -c Release --project build/bench/UbiOps.EmulatorBench -- window <base-url> <results.jsonl>
if (args.Length < 3 || args[0] is not ("load" or "window"))
{
    Console.Error.WriteLine("usage: load <base-url> <inputs> [concurrency] | window <base-url> <results.jsonl>");
    return 2;
}

var api = new EmulatorApi(args[1], token: "emulator-token", project: "demo", deployment: "echo");
if (args[0] == "load")
{
    var inputs = int.Parse(args[2], CultureInfo.InvariantCulture);
    var concurrency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4;
    var load = await EchoLoad.RunAsync(api, inputs, concurrency);
    Console.WriteLine(Report.Line(inputs, load.Window, ("client_seconds", load.ClientSeconds)));
    return 0;
}

var ids = ResultFile.RequestIds(args[2]);
var window = await RequestWindow.ReadAsync(api, ids);
Console.WriteLine(Report.Line(ids.Count, window));
return 0;
