using System.Globalization;
using System.Net;

namespace UbiOps.Client.Tests.Generated;

/// <summary>
/// The exact query strings: only the parameters given, in a fixed order, escaped; booleans in
/// lowercase; dates in round-trip format with their offset.
/// </summary>
public class DeploymentRequestsClientQueryTests
{
    private static readonly ResourceNames Names = ResourceNames.Plain;

    [TestCaseSource(typeof(WireOperations), nameof(WireOperations.Cases))]
    public async Task Operation_NoOptionalParameters_SendsNoQueryString(WireOperation operation)
    {
        using var harness = new WireHarness();

        await harness.SendAsync(operation);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Request.Query, Is.Empty);
            Assert.That(harness.Request.Uri.OriginalString, Does.Not.EndWith("?"));
        });
    }

    /// <summary>One list filter at a time, with the exact query it must produce.</summary>
    public static IEnumerable<TestCaseData> SingleListFilters()
    {
        var cases = new (string Name, ListFilters Filters, string Query)[]
        {
            ("status pending", new() { Status = RequestStatus.Pending }, "?status=pending"),
            ("status processing", new() { Status = RequestStatus.Processing }, "?status=processing"),
            ("status completed", new() { Status = RequestStatus.Completed }, "?status=completed"),
            ("status failed", new() { Status = RequestStatus.Failed }, "?status=failed"),
            ("status cancelled", new() { Status = RequestStatus.Cancelled }, "?status=cancelled"),
            ("status cancelled_pending", new() { Status = RequestStatus.CancelledPending }, "?status=cancelled_pending"),
            ("success true", new() { Success = true }, "?success=true"),
            ("success false", new() { Success = false }, "?success=false"),
            ("limit", new() { Limit = 10 }, "?limit=10"),
            ("offset zero is still sent", new() { Offset = 0 }, "?offset=0"),
            ("offset", new() { Offset = 250 }, "?offset=250"),
            ("sort asc", new() { Sort = SortDirection.Asc }, "?sort=asc"),
            ("sort desc", new() { Sort = SortDirection.Desc }, "?sort=desc"),
            ("pipeline true", new() { Pipeline = true }, "?pipeline=true"),
            ("pipeline false", new() { Pipeline = false }, "?pipeline=false"),
            ("request_schedule escaped", new() { RequestSchedule = "nightly run & more" }, "?request_schedule=nightly%20run%20%26%20more"),
            ("search_id plus escaped", new() { SearchId = "8571+24=x" }, "?search_id=8571%2B24%3Dx"),
            // Round-trip format: all digits of the fraction and the offset; '+' must be %2B or a
            // server would read it as a space.
            ("start_date +02:00 with milliseconds", new() { StartDate = new DateTimeOffset(2020, 3, 28, 20, 0, 26, 613, TimeSpan.FromHours(2)) },
                "?start_date=2020-03-28T20%3A00%3A26.6130000%2B02%3A00"),
            ("start_date UTC is +00:00, not Z", new() { StartDate = new DateTimeOffset(2020, 3, 28, 20, 0, 26, TimeSpan.Zero) },
                "?start_date=2020-03-28T20%3A00%3A26.0000000%2B00%3A00"),
            ("end_date negative offset", new() { EndDate = new DateTimeOffset(2020, 3, 28, 22, 0, 26, 5, TimeSpan.FromHours(-5.5)) },
                "?end_date=2020-03-28T22%3A00%3A26.0050000-05%3A30"),
        };
        return cases.SelectMany(c => Variants.Both(c.Name, c.Filters, c.Query));
    }

    [TestCaseSource(nameof(SingleListFilters))]
    public async Task List_OneFilter_SendsOnlyThatParameter(bool explicitVersion, ListFilters filters, string expectedQuery)
    {
        using var harness = new WireHarness();

        await ListAsync(harness, explicitVersion, filters);

        Assert.That(harness.Request.Query, Is.EqualTo(expectedQuery));
    }

    [Test]
    public async Task List_AllFilters_SendsThemInSpecOrderWithExactEncoding([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        var filters = new ListFilters
        {
            Status = RequestStatus.CancelledPending,
            Success = false,
            Limit = 50,
            Offset = 100,
            Sort = SortDirection.Asc,
            Pipeline = true,
            RequestSchedule = "schedule-1",
            StartDate = new DateTimeOffset(2020, 3, 28, 20, 0, 26, TimeSpan.Zero),
            EndDate = new DateTimeOffset(2020, 3, 28, 22, 0, 26, TimeSpan.Zero),
            SearchId = "2f909aeb",
        };

        await ListAsync(harness, explicitVersion, filters);

        Assert.That(harness.Request.Query, Is.EqualTo(
            "?status=cancelled_pending&success=false&limit=50&offset=100&sort=asc&pipeline=true" +
            "&request_schedule=schedule-1" +
            "&start_date=2020-03-28T20%3A00%3A26.0000000%2B00%3A00" +
            "&end_date=2020-03-28T22%3A00%3A26.0000000%2B00%3A00" +
            "&search_id=2f909aeb"));
    }

    [Test]
    public async Task List_StartDateWithOffset_ServerReadsBackTheSameInstantAndOffset([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        var start = new DateTimeOffset(2020, 3, 28, 20, 0, 26, 613, TimeSpan.FromHours(2));

        await ListAsync(harness, explicitVersion, new ListFilters { StartDate = start });

        var sent = Uri.UnescapeDataString(harness.Request.Query["?start_date=".Length..]);
        var parsed = DateTimeOffset.Parse(sent, CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.EqualTo("2020-03-28T20:00:26.6130000+02:00"));
            Assert.That(parsed, Is.EqualTo(start));
            Assert.That(parsed.Offset, Is.EqualTo(TimeSpan.FromHours(2)));
        });
    }

    [Test]
    public async Task Create_Timeout_SendsTimeoutSeconds([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, DocExamples.CreateCompleted);

        _ = explicitVersion
            ? await harness.Client.Deployment_version_requests_createAsync("x", Names.Project, Names.Deployment, Names.Version, timeout: 3600)
            : await harness.Client.Deployment_requests_createAsync("x", Names.Project, Names.Deployment, timeout: 3600);

        Assert.That(harness.Request.Query, Is.EqualTo("?timeout=3600"));
    }

    [TestCaseSource(nameof(BatchCreateOptions))]
    public async Task BatchCreate_TimeoutPriorityAndNotificationGroup_SendsOnlyThoseGiven(
        bool explicitVersion, int? timeout, RequestPriority? priority, string? group, string expectedQuery)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, DocExamples.BatchCreate);

        _ = explicitVersion
            ? await harness.Client.Batch_deployment_version_requests_createAsync(["x"], Names.Project, Names.Deployment, Names.Version, timeout, priority, group)
            : await harness.Client.Batch_deployment_requests_createAsync(["x"], Names.Project, Names.Deployment, timeout, priority, group);

        Assert.That(harness.Request.Query, Is.EqualTo(expectedQuery));
    }

    public static IEnumerable<TestCaseData> BatchCreateOptions() =>
        Variants.Both("all", 172800, RequestPriority.High, "notification-group 1", "?timeout=172800&priority=0&notification_group=notification-group%201")
            .Concat(Variants.Both("group only", null, null, "notification-group-1", "?notification_group=notification-group-1"))
            .Concat(Variants.Both("priority standard only", null, RequestPriority.Standard, null, "?priority=1"))
            .Concat(Variants.Both("timeout only", 14400, null, null, "?timeout=14400"));

    [Test]
    public async Task Create_Priority_SendsItsNumber([Values] bool explicitVersion, [Values] RequestPriority priority)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, DocExamples.CreateCompleted);

        _ = explicitVersion
            ? await harness.Client.Deployment_version_requests_createAsync("x", Names.Project, Names.Deployment, Names.Version, timeout: 60, priority: priority)
            : await harness.Client.Deployment_requests_createAsync("x", Names.Project, Names.Deployment, timeout: 60, priority: priority);

        Assert.That(harness.Request.Query, Is.EqualTo($"?timeout=60&priority={(int)priority}"));
    }

    [Test]
    public async Task BatchCancel_Status_SendsItWithAnEmptyList([Values] bool explicitVersion, [Values("pending", "processing")] string status)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, "{}");

        _ = explicitVersion
            ? await harness.Client.Deployment_version_requests_batch_cancelAsync(Names.Project, Names.Deployment, Names.Version, new RequestStatus(status), [])
            : await harness.Client.Deployment_requests_batch_cancelAsync(Names.Project, Names.Deployment, new RequestStatus(status), []);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Request.Query, Is.EqualTo($"?status={status}"));
            Assert.That(harness.Request.Body, Is.EqualTo("[]"));
        });
    }

    [Test]
    public async Task Get_MetadataOnly_SendsLowercaseBoolean([Values] bool explicitVersion, [Values] bool metadataOnly)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, DocExamples.Get);

        _ = explicitVersion
            ? await harness.Client.Deployment_version_requests_getAsync(Names.Project, Names.Deployment, Names.Version, Names.RequestId, metadataOnly)
            : await harness.Client.Deployment_requests_getAsync(Names.Project, Names.Deployment, Names.RequestId, metadataOnly);

        Assert.That(harness.Request.Query, Is.EqualTo(metadataOnly ? "?metadata_only=true" : "?metadata_only=false"));
    }

    private static Task ListAsync(WireHarness harness, bool explicitVersion, ListFilters f)
    {
        harness.Responds(HttpStatusCode.OK, "[]");
        return explicitVersion
            ? harness.Client.Deployment_version_requests_listAsync(Names.Project, Names.Deployment, Names.Version,
                f.Status, f.Success, f.Limit, f.Offset, f.Sort, f.Pipeline, f.RequestSchedule, f.StartDate, f.EndDate, f.SearchId)
            : harness.Client.Deployment_requests_listAsync(Names.Project, Names.Deployment,
                f.Status, f.Success, f.Limit, f.Offset, f.Sort, f.Pipeline, f.RequestSchedule, f.StartDate, f.EndDate, f.SearchId);
    }

    /// <summary>The optional filters of the list operations.</summary>
    public sealed record ListFilters
    {
        public RequestStatus? Status { get; init; }
        public bool? Success { get; init; }
        public int? Limit { get; init; }
        public int? Offset { get; init; }
        public SortDirection? Sort { get; init; }
        public bool? Pipeline { get; init; }
        public string? RequestSchedule { get; init; }
        public DateTimeOffset? StartDate { get; init; }
        public DateTimeOffset? EndDate { get; init; }
        public string? SearchId { get; init; }
    }
}
