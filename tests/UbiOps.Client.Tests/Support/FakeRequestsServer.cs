using System.Globalization;
using System.Net;
using System.Text;
using System.Web;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace UbiOps.Client.Tests.Support;

/// <summary>
/// The requests of one deployment as a generation of the API lists, collects and serves them, over
/// <see cref="ApiMock"/>: list by that generation's rules (<see cref="ApiGeneration.List"/>), newest
/// first; collect all or nothing; the input file where the generation serves one. Tests change
/// the stored requests between calls (<see cref="BeforeList"/>) to see requests move on or leave.
/// </summary>
internal sealed class FakeRequestsServer
{
    private readonly ApiGeneration _api;
    private readonly List<StoredRequest> _requests = [];

    /// <param name="api">The mock to answer on.</param>
    /// <param name="generation">Whose list rules and operations to follow.</param>
    /// <param name="now">The server's time when the test starts: requests are added this many seconds before it.</param>
    public FakeRequestsServer(ApiMock api, ApiGeneration generation, DateTimeOffset now)
    {
        _api = generation;
        Now = now;
        api.Http.When(HttpMethod.Get, ApiMock.DefaultRequests).Respond(request => Locked(() => List(request)));
        api.Http.When(HttpMethod.Post, ApiMock.DefaultRequests + "/collect").Respond(request => Locked(() => Collect(request)));
        api.Http.When(HttpMethod.Get, ApiMock.DefaultRequests + "/*/input").Respond(request => Locked(() => Input(request)));
    }

    public DateTimeOffset Now { get; }

    /// <summary>Called before each list call is answered, with its query: change the requests here.</summary>
    public Action<ListCall>? BeforeList { get; set; }

    /// <summary>Which list calls the server refuses with 400, as if it did not know the filter.</summary>
    public Func<ListCall, bool>? RefuseList { get; set; }

    /// <summary>When set, the most requests one list call answers, whatever limit it asks for.</summary>
    public int? MaxLimit { get; set; }

    /// <summary>When set, every input file read is answered with this status and an error.</summary>
    public HttpStatusCode? InputAnswer { get; set; }

    /// <summary>The list calls answered, in order.</summary>
    public List<ListCall> Lists { get; } = [];

    /// <summary>The ids of each collect call, in order.</summary>
    public List<string[]> Collects { get; } = [];

    /// <summary>The ids whose input file was read.</summary>
    public List<string> InputReads { get; } = [];

    public StoredRequest Add(string id, string status, double secondsAgo, object? input, long? inputSize = null, bool sendsRequestData = true, bool hasInputFile = true)
    {
        var token = input is null ? null : JToken.FromObject(input);
        var request = new StoredRequest(id, status, Now.AddSeconds(-secondsAgo), token,
            inputSize ?? (token is null ? null : Encoding.UTF8.GetByteCount(token.ToString(Newtonsoft.Json.Formatting.None))), sendsRequestData, hasInputFile);
        lock (_requests)
        {
            _requests.Add(request);
        }

        return request;
    }

    public void Remove(string id)
    {
        lock (_requests)
        {
            _requests.RemoveAll(r => r.Id == id);
        }
    }

    public void Move(string id, string status)
    {
        lock (_requests)
        {
            _requests.Single(r => r.Id == id).Status = status;
        }
    }

    private HttpResponseMessage List(HttpRequestMessage request)
    {
        var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var call = new ListCall(query["status"], Date(query["start_date"]), Date(query["end_date"]), Int(query["limit"]) ?? RequestFilter.DefaultLimit,
            Int(query["offset"]) ?? 0, query["sort"]);
        Lists.Add(call);
        BeforeList?.Invoke(call);

        if (RefuseList?.Invoke(call) == true)
        {
            return ApiMock.Json("{\"error\":\"Query parameter 'status' is not valid here.\"}", HttpStatusCode.BadRequest);
        }

        var rules = _api.List;
        IReadOnlyList<string>? statuses = call.Status is null ? rules.DefaultStatus is { } d ? [d.Value] : null : [call.Status];
        if (statuses is not null && statuses.Any(s => !rules.Statuses.Contains(new RequestStatus(s))))
        {
            return ApiMock.Json("{\"error\":\"Query parameter 'status' must be one of …\"}", HttpStatusCode.BadRequest);
        }

        if (rules.DatesOnlyForFinished && (call.Start ?? call.End) is not null && statuses!.Any(s => !new RequestStatus(s).IsTerminal))
        {
            return ApiMock.Json("{\"error\":\"Query parameter 'start_date' is only available for finished requests.\"}", HttpStatusCode.BadRequest);
        }

        var matching = _requests
            .Where(r => statuses is null || statuses.Contains(r.Status))
            .Where(r => call.Start is null || r.TimeCreated >= call.Start)
            .Where(r => call.End is null || r.TimeCreated <= call.End)
            .Select((r, i) => (r, i));
        var ordered = rules.ReadsSort && call.Sort == "asc"
            ? matching.OrderBy(x => x.r.TimeCreated).ThenBy(x => x.i)
            : matching.OrderByDescending(x => x.r.TimeCreated).ThenByDescending(x => x.i);
        return ApiMock.Json(new JArray(ordered.Skip(call.Offset).Take(Math.Min(call.Limit, MaxLimit ?? int.MaxValue)).Select(x => x.r.Listed())));
    }

    private HttpResponseMessage Collect(HttpRequestMessage request)
    {
        var ids = JArray.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult()).Values<string>().ToArray();
        Collects.Add(ids!);
        var found = _requests.Where(r => ids.Contains(r.Id)).ToList();
        return found.Count < ids.Length
            ? ApiMock.Json("{\"error\":\"Request(s) not found.\"}", HttpStatusCode.NotFound)
            : ApiMock.Json(new JArray(found.Select(r => r.Detail())));
    }

    private HttpResponseMessage Input(HttpRequestMessage request)
    {
        var id = request.RequestUri!.Segments[^2].TrimEnd('/');
        InputReads.Add(id);
        if (InputAnswer is { } status)
        {
            return ApiMock.Json("{\"error\":\"as the test asked\"}", status);
        }

        var stored = _requests.SingleOrDefault(r => r.Id == id);
        if (!_api.Serves(ApiOperation.GetInput) || stored?.Input is null || !stored.HasInputFile)
        {
            return ApiMock.Json("{\"error\":\"No input.\"}", HttpStatusCode.NotFound);
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(stored.Input.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json"),
        };
    }

    private T Locked<T>(Func<T> answer)
    {
        lock (_requests)
        {
            return answer();
        }
    }

    private static DateTimeOffset? Date(string? text) => text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static int? Int(string? text) => text is null ? null : int.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>One list call as the server read it.</summary>
internal sealed record ListCall(string? Status, DateTimeOffset? Start, DateTimeOffset? End, int Limit, int Offset, string? Sort);

/// <summary>A request the fake server holds.</summary>
internal sealed class StoredRequest(string id, string status, DateTimeOffset timeCreated, JToken? input, long? inputSize, bool sendsRequestData, bool hasInputFile)
{
    public string Id { get; } = id;

    public string Status { get; set; } = status;

    public DateTimeOffset TimeCreated { get; } = timeCreated;

    public JToken? Input { get; } = input;

    public long? InputSize { get; } = inputSize;

    public bool HasInputFile { get; } = hasInputFile;

    public JObject Listed() => new()
    {
        ["id"] = Id, ["deployment"] = "echo", ["version"] = "v1", ["status"] = Status,
        ["time_created"] = TimeCreated.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture), ["input_size"] = InputSize,
    };

    public JObject Detail()
    {
        var detail = Listed();
        detail["request_data"] = sendsRequestData ? Input?.DeepClone() : null;
        return detail;
    }
}
