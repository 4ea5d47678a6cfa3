using System.Collections.Concurrent;
using System.Net;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace UbiOps.Client.Tests.Support;

/// <summary>
/// Batch create and collect of the default version, answered like the API: create gives each input
/// the id "req-&lt;input&gt;" (so ids prove which input they belong to); collect answers in reverse
/// order, with each request's status taken from <see cref="StatusOf"/> (by how often it was collected).
/// </summary>
internal sealed class FakeBatchServer
{
    private readonly ConcurrentDictionary<string, int> _polls = new();
    private readonly ConcurrentQueue<string> _created = new();
    private int _createCalls;

    public FakeBatchServer(ApiMock api, string requestsUrl = ApiMock.DefaultRequests)
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
                return ApiMock.Json(new { error = $"create call {call} refused" }, HttpStatusCode.BadRequest);
            }

            var inputs = JArray.Parse(await request.Content!.ReadAsStringAsync());
            foreach (var input in inputs)
            {
                _created.Enqueue(IdFor(input));
            }

            return ApiMock.Json(new JArray(inputs.Select(i => ApiMock.Created(IdFor(i)))));
        });

        api.Http.When(HttpMethod.Post, requestsUrl + "/collect").Respond(async request =>
        {
            var ids = JArray.Parse(await request.Content!.ReadAsStringAsync()).Values<string>().ToArray();
            var answer = ids.Reverse().Select(id =>
            {
                var poll = _polls.AddOrUpdate(id!, 1, (_, n) => n + 1);
                var status = StatusOf(id!, poll);
                return ApiMock.Detail(id!, status,
                    result: status == "completed" ? "out-" + id : null,
                    error: status == "failed" ? "boom " + id : null);
            });
            return ApiMock.Json(new JArray(answer));
        });
    }

    /// <summary>The status a request has at its n-th collect (1-based).</summary>
    public Func<string, int, string> StatusOf { get; set; } = (_, _) => "completed";

    /// <summary>Whether the n-th create call (1-based, in arrival order) is refused with a 400.</summary>
    public Func<int, bool>? FailCreateCall { get; set; }

    /// <summary>Awaited before the n-th create call is answered (to hold a call back).</summary>
    public Func<int, Task>? BeforeCreateAnswer { get; set; }

    public int CreateCalls => Volatile.Read(ref _createCalls);

    /// <summary>The ids of every request the server accepted, in the order it accepted them.</summary>
    public IReadOnlyList<string> CreatedIds => _created.ToArray();

    public static string IdFor(JToken input) =>
        "req-" + (input.Type == JTokenType.String ? input.Value<string>() : input["n"]!.ToString());
}
