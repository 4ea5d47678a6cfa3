using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

// The filters only the 2024-07 generation reads are obsolete, and still sent and checked.
#pragma warning disable CS0618

namespace UbiOps.Client.Tests.Filtering;

public class RequestFilterTests
{
    [Test]
    public async Task ListAsync_EveryField_SendsTheDocumentedQueryString()
    {
        using var api = new ApiMock();
        api.Http.When(HttpMethod.Get, ApiMock.DefaultRequests).Respond(_ => ApiMock.Json(new JArray()));
        var filter = new RequestFilter
        {
            Status = RequestStatus.CancelledPending,
            StartDate = new DateTimeOffset(2020, 3, 28, 20, 0, 26, 613, TimeSpan.FromHours(2)),
            EndDate = new DateTimeOffset(2020, 3, 28, 22, 0, 26, TimeSpan.Zero),
            Sort = SortDirection.Asc,
            Pipeline = false,
            RequestSchedule = "nightly run",
            SearchId = "2f90",
            Limit = 10,
            Offset = 20,
        };

        await api.Echo.ListAsync(filter);

        Assert.That(api.Sent.Single().Url, Is.EqualTo(ApiMock.DefaultRequests +
            "?status=cancelled_pending&limit=10&offset=20&sort=asc&pipeline=false&request_schedule=nightly%20run" +
            "&start_date=2020-03-28T20%3A00%3A26.6130000%2B02%3A00&end_date=2020-03-28T22%3A00%3A26.0000000%2B00%3A00" +
            "&search_id=2f90"));
    }

    [Test]
    public async Task ListAsync_NoFilter_SendsNoQuery()
    {
        using var api = new ApiMock();
        api.Http.When(HttpMethod.Get, ApiMock.DefaultRequests).Respond(_ => ApiMock.Json(new JArray()));

        await api.Echo.ListAsync();

        Assert.That(api.Sent.Single().Url, Is.EqualTo(ApiMock.DefaultRequests));
    }

    [Test]
    public async Task ListAsync_DeprecatedSuccess_IsStillSent()
    {
        using var api = new ApiMock();
        api.Http.When(HttpMethod.Get, ApiMock.DefaultRequests).Respond(_ => ApiMock.Json(new JArray()));
        var filter = new RequestFilter { Success = true };

        await api.Echo.ListAsync(filter);

        Assert.That(api.Sent.Single().Url, Is.EqualTo(ApiMock.DefaultRequests + "?success=true"));
    }

    private static IEnumerable<TestCaseData> InvalidFilters()
    {
        yield return new TestCaseData(new RequestFilter { Limit = 0 }, "Limit").SetName("Validate_LimitZero_NamesLimit");
        yield return new TestCaseData(new RequestFilter { Offset = -1 }, "Offset").SetName("Validate_NegativeOffset_NamesOffset");
        yield return new TestCaseData(
            new RequestFilter { StartDate = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), EndDate = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) },
            "StartDate").SetName("Validate_StartAfterEnd_NamesStartDate");
        yield return new TestCaseData(new RequestFilter { Status = new RequestStatus("paused") }, "Status").SetName("Validate_UnknownStatus_NamesStatus");
        yield return new TestCaseData(new RequestFilter { SearchId = " " }, "SearchId").SetName("Validate_EmptySearchId_NamesSearchId");
        yield return new TestCaseData(new RequestFilter { RequestSchedule = "" }, "RequestSchedule").SetName("Validate_EmptySchedule_NamesRequestSchedule");
        yield return new TestCaseData(new RequestFilter { Sort = (SortDirection)7 }, "Sort").SetName("Validate_UndefinedSort_NamesSort");
    }

    [TestCaseSource(nameof(InvalidFilters))]
    public void ListAsync_InvalidFilter_ThrowsBeforeSending(RequestFilter filter, string field)
    {
        using var api = new ApiMock();

        var error = Assert.CatchAsync<ArgumentException>(() => api.Echo.ListAsync(filter));

        Assert.That(error!.ParamName, Is.EqualTo(field));
        Assert.That(api.Sent, Is.Empty);
    }

    [Test]
    public void ListAllAsync_InvalidFilter_ThrowsWhenCalledBeforeSending()
    {
        using var api = new ApiMock();

        var error = Assert.Throws<ArgumentException>(() => api.Echo.ListAllAsync(new RequestFilter { Limit = -5 }));

        Assert.That(error!.ParamName, Is.EqualTo("Limit"));
        Assert.That(api.Sent, Is.Empty);
    }

    [Test]
    public void Validate_StartEqualsEnd_IsAccepted()
    {
        var moment = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.DoesNotThrow(() => new RequestFilter { StartDate = moment, EndDate = moment.ToOffset(TimeSpan.FromHours(5)) }.Validate());
    }
}
