namespace UbiOps.Samples.Tests.Support;

/// <summary>What every run of all examples against a working API prints, one line per example.</summary>
internal static class SampleOutput
{
    public static readonly string[] ExampleLines =
    [
        "connect: plain-echo answered 'ping' through Connect and 'pong' through ConnectWithResilience",
        "direct-request: v1 completed Weather { City = Utrecht, Temperature = 21.5 }; explicit version v2 {\"city\":\"Delft\"}; plain 'hello'",
        "files-and-priority: input {\"city\":\"Utrecht\"}, output {\"city\":\"Utrecht\"}, saved output.json: {\"city\":\"Utrecht\"}",
        "batch-and-wait: 600 created, 600 finished, 600 completed",
        "run-many-inputs: 1000 outcomes for 1000 inputs; in input order: True; every result equals its input: True",
        "list-with-filters: made 3 failed requests; first page 2, all pages 3",
        "dependency-injection: {\"via\":\"options\"} and {\"via\":\"configuration\"}",
    ];

    public static readonly string[] ExampleLinePrefixes =
    [
        "cancel: ",
        "error-handling: API answered 404 ",
    ];
}
