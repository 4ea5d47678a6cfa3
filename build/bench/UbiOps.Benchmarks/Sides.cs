using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Client;

/// <summary>What one side of the benchmark did: how long, how many calls, and what the server saw.</summary>
internal sealed record SideResult(
    string Side, int Inputs, TimeSpan Wall, CallCounts Calls, TimeSpan? Processing = null, TimeSpan? LastResultLag = null)
{
    /// <summary>The conditions the side ran under (rate limit, deployment), for the table.</summary>
    public string Scenario { get; init; } = "";

    public static SideResult Measure(string side, int inputs, TimeSpan wall, CallCounts calls, IReadOnlyCollection<DeploymentRequestBatchDetail>? details, DateTimeOffset? lastSeen)
    {
        TimeSpan? processing = null, lag = null;
        if (details is { Count: > 0 })
        {
            var completed = details.Max(d => d.TimeCompleted ?? d.TimeCreated);
            processing = completed - details.Min(d => d.TimeCreated);
            lag = lastSeen - completed;
        }

        return new SideResult(side, inputs, wall, calls, processing, lag);
    }
}

/// <summary>The sides: the SDK's engine (library and CLI) and replicas of what users write by hand.</summary>
internal static class Sides
{
    public static IReadOnlyList<RequestInput> Inputs(int count, Func<int, object>? make = null) =>
        Enumerable.Range(0, count).Select(i => RequestInput.FromObject(make?.Invoke(i) ?? new { index = i, text = $"input number {i}" })).ToArray();

    /// <summary>DeploymentScope.RunAsync through a client made the documented way.</summary>
    public static async Task<(TimeSpan Wall, List<DeploymentRequestBatchDetail> Details, DateTimeOffset LastSeen)> EngineAsync(
        string baseUrl, string deployment, IReadOnlyList<RequestInput> inputs)
    {
        var client = UbiOpsClient.Create(new UbiOpsClientOptions { Token = EmulatorProcess.Token, BaseUrl = baseUrl });
        var details = new List<DeploymentRequestBatchDetail>(inputs.Count);
        var watch = Stopwatch.StartNew();
        var expected = 0L;
        await foreach (var outcome in client.Deployment("demo", deployment).RunAsync(inputs))
        {
            if (outcome.Index != expected++ || !outcome.Succeeded)
            {
                throw new InvalidOperationException($"unexpected outcome {outcome}");
            }

            details.Add(outcome.Detail!);
        }

        var lastSeen = DateTimeOffset.UtcNow;
        if (expected != inputs.Count)
        {
            throw new InvalidOperationException($"{expected} outcomes for {inputs.Count} inputs");
        }

        return (watch.Elapsed, details, lastSeen);
    }

    /// <summary><c>ubiops-requests run</c> as its own process, as a user runs it.</summary>
    public static async Task<(TimeSpan Wall, string[] RequestIds)> CliAsync(string cliDll, string baseUrl, string deployment, IReadOnlyList<RequestInput> inputs, string directory)
    {
        var input = Path.Combine(directory, $"cli-{Guid.NewGuid():N}.jsonl");
        var output = input + ".out";
        await File.WriteAllLinesAsync(input, inputs.Select(i => i.ToString()));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { cliDll, "run", "-d", deployment, "-i", input, "-o", output, "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["UBIOPS_API_HOST"] = baseUrl;
        start.Environment["UBIOPS_API_TOKEN"] = EmulatorProcess.Token;
        start.Environment["UBIOPS_PROJECT"] = "demo";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = watch.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the CLI exited {process.ExitCode}: {await error}");
        }

        var ids = File.ReadLines(output).Select(l => JObject.Parse(l).Value<string>("request_id")!).ToArray();
        return ids.Length == inputs.Count ? (wall, ids) : throw new InvalidOperationException($"{ids.Length} result lines for {inputs.Count} inputs");
    }

    /// <summary>
    /// The hand-written loop of the official Python client's users: batch creates of 250 one after
    /// the other, then every second a collect of the unfinished ids, 250 per call; a 429 waits
    /// as long as the answer says and is sent again.
    /// </summary>
    public static async Task<TimeSpan> CollectLoopAsync(string baseUrl, string deployment, IReadOnlyList<RequestInput> inputs)
    {
        using var http = Plain(baseUrl);
        var watch = Stopwatch.StartNew();
        var ids = await CreateAllAsync(http, deployment, inputs);

        var unfinished = ids;
        while (true)
        {
            var still = new List<string>();
            foreach (var chunk in unfinished.Chunk(RequestLimits.MaxItemsPerCall))
            {
                var collected = (JArray)await SendAsync(http, HttpMethod.Post, $"projects/demo/deployments/{deployment}/requests/collect", new JArray(chunk));
                still.AddRange(collected.Where(r => !new RequestStatus(r.Value<string>("status")!).IsTerminal).Select(r => r.Value<string>("id")!));
            }

            unfinished = still;
            if (unfinished.Count == 0)
            {
                return watch.Elapsed;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    // What both hand-written sides start with: batch creates of 250, one after the other.
    private static async Task<List<string>> CreateAllAsync(HttpClient http, string deployment, IReadOnlyList<RequestInput> inputs)
    {
        var ids = new List<string>(inputs.Count);
        foreach (var chunk in inputs.Chunk(RequestLimits.MaxItemsPerCall))
        {
            var created = await SendAsync(http, HttpMethod.Post, $"projects/demo/deployments/{deployment}/requests/batch", new JArray(chunk.Select(c => c.ToJson())));
            ids.AddRange(((JArray)created).Select(r => r.Value<string>("id")!));
        }

        return ids;
    }

    /// <summary>
    /// Waiting per request: batch creates of 250, then for each request a GET every 4 seconds
    /// until it is finished, then a GET for its result.
    /// </summary>
    public static async Task<TimeSpan> PerRequestAsync(string baseUrl, string deployment, IReadOnlyList<RequestInput> inputs)
    {
        using var http = Plain(baseUrl);
        var watch = Stopwatch.StartNew();
        var ids = await CreateAllAsync(http, deployment, inputs);

        foreach (var id in ids)
        {
            while (!new RequestStatus((await SendAsync(http, HttpMethod.Get, $"projects/demo/deployments/{deployment}/requests/{id}?metadata_only=true", null)).Value<string>("status")!).IsTerminal)
            {
                await Task.Delay(TimeSpan.FromSeconds(4));
            }

            _ = await SendAsync(http, HttpMethod.Get, $"projects/demo/deployments/{deployment}/requests/{id}", null);
        }

        return watch.Elapsed;
    }

    /// <summary>Reads requests straight from the emulator (not through the proxy, so not counted).</summary>
    public static async Task<List<DeploymentRequestBatchDetail>> CollectAllAsync(string emulatorBaseUrl, string deployment, IReadOnlyList<string> ids)
    {
        var client = UbiOpsClient.Create(new UbiOpsClientOptions { Token = EmulatorProcess.Token, BaseUrl = emulatorBaseUrl });
        return [.. await client.Deployment("demo", deployment).CollectAsync(ids)];
    }

    private static HttpClient Plain(string baseUrl)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Token " + EmulatorProcess.Token);
        return http;
    }

    private static async Task<JToken> SendAsync(HttpClient http, HttpMethod method, string path, JToken? body)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(Wait(response));
                continue;
            }

            response.EnsureSuccessStatusCode();
            return JToken.Parse(text);
        }
    }

    private static TimeSpan Wait(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        var reset = response.Headers.TryGetValues("x-ratelimit-reset", out var values) &&
            double.TryParse(values.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
        var wait = retryAfter > reset ? retryAfter : reset;
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }
}
