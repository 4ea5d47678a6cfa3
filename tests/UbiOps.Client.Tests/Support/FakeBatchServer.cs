using System.Collections.Concurrent;
using System.Net;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace UbiOps.Client.Tests.Support;

/// <summary>
/// Batch create and collect of the default version, answered like the API: create gives each input
/// the id "req-&lt;input&gt;" (so ids prove which input they belong to); collect answers in reverse
/// order, with each request's status taken from <see cref="StatusOf"/> (by how often it was collected),
/// and finished requests carry start and completion times one millisecond apart, so a run can see
/// how fast they finish.
/// </summary>
internal sealed class FakeBatchServer
{
    private readonly ConcurrentDictionary<string, int> _polls = new();
    private readonly ConcurrentQueue<string> _created = new();
    private readonly ConcurrentQueue<int> _createSizes = new();
    private readonly ConcurrentQueue<string[]> _collects = new();
    private int _createCalls;

    private readonly ConcurrentQueue<DateTimeOffset> _collectTimes = new();

    public FakeBatchServer(ApiMock api, string requestsUrl = ApiMock.DefaultRequests, TimeProvider? clock = null)
    {
        api.Http.When(HttpMethod.Post, requestsUrl + "/batch").Respond(async request =>
        {
            var call = Interlocked.Increment(ref _createCalls);
            if (BeforeCreateAnswer is { } hold)
            {
                await hold(call);
            }

            if (FailCreateCall?.Invoke(call) == true)
            {
                return ApiMock.Json(new { error = $"create call {call} failed" }, FailCreateStatus);
            }

            var inputs = JArray.Parse(await request.Content!.ReadAsStringAsync());
            _createSizes.Enqueue(inputs.Count);
            if (inputs.FirstOrDefault(i => Refuse?.Invoke(i) == true) is { } refused)
            {
                return ApiMock.Json(new { error = $"input {refused.ToString(Newtonsoft.Json.Formatting.None)} is not valid" }, HttpStatusCode.BadRequest);
            }

            foreach (var input in inputs)
            {
                _created.Enqueue(IdFor(input));
            }

            return ApiMock.Json(new JArray(inputs.Select(i => ApiMock.Created(IdFor(i)))));
        });

        api.Http.When(HttpMethod.Post, requestsUrl + "/collect").Respond(async request =>
        {
            var ids = JArray.Parse(await request.Content!.ReadAsStringAsync()).Values<string>().Select(id => id!).ToArray();
            _collects.Enqueue(ids);
            _collectTimes.Enqueue((clock ?? TimeProvider.System).GetUtcNow());
            if (ids.FirstOrDefault(id => Missing?.Invoke(id) == true) is { } missing)
            {
                return ApiMock.Json(new { error = $"request {missing} not found" }, HttpStatusCode.NotFound);
            }

            var answer = ids.Reverse().Select(id =>
            {
                var poll = _polls.AddOrUpdate(id, 1, (_, n) => n + 1);
                var status = StatusOf(id, poll);
                var detail = ApiMock.Detail(id, status,
                    result: status == "completed" ? "out-" + id : null,
                    error: status == "failed" ? "boom " + id : null);
                if (status is "completed" or "failed")
                {
                    detail["time_started"] = "2020-03-28T20:00:26.613+00:00";
                    detail["time_completed"] = "2020-03-28T20:00:26.614+00:00";
                }

                return detail;
            });
            return ApiMock.Json(new JArray(answer));
        });
    }

    /// <summary>The status a request has at its n-th collect (1-based).</summary>
    public Func<string, int, string> StatusOf { get; set; } = (_, _) => "completed";

    /// <summary>Whether the n-th create call (1-based, in arrival order) fails with <see cref="FailCreateStatus"/>.</summary>
    public Func<int, bool>? FailCreateCall { get; set; }

    /// <summary>How a failing create call answers.</summary>
    public HttpStatusCode FailCreateStatus { get; set; } = HttpStatusCode.InternalServerError;

    /// <summary>Inputs the API refuses (400): a batch holding one is refused whole, like the real API.</summary>
    public Func<JToken, bool>? Refuse { get; set; }

    /// <summary>Ids the server no longer knows: a collect holding one is a 404, like the real API.</summary>
    public Func<string, bool>? Missing { get; set; }

    /// <summary>The number of inputs of each create call that carried a body, in arrival order.</summary>
    public IReadOnlyList<int> CreateSizes => _createSizes.ToArray();

    /// <summary>When each collect call arrived, by the clock given (the system clock by default).</summary>
    public IReadOnlyList<DateTimeOffset> CollectTimes => _collectTimes.ToArray();

    /// <summary>The ids of each collect call, in arrival order.</summary>
    public IReadOnlyList<string[]> Collects => _collects.ToArray();

    /// <summary>Awaited before the n-th create call is answered (to hold a call back).</summary>
    public Func<int, Task>? BeforeCreateAnswer { get; set; }

    public int CreateCalls => Volatile.Read(ref _createCalls);

    /// <summary>The ids of every request the server accepted, in the order it accepted them.</summary>
    public IReadOnlyList<string> CreatedIds => _created.ToArray();

    public static string IdFor(JToken input) =>
        "req-" + (input.Type == JTokenType.String ? input.Value<string>() : input["n"]!.ToString());
}
