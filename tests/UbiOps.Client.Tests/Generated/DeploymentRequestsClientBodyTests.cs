using System.Net;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client.Tests.Generated;

/// <summary>The exact JSON bodies and content types the operations send.</summary>
public class DeploymentRequestsClientBodyTests
{
    private static readonly ResourceNames Names = ResourceNames.Plain;

    /// <summary>Request data as a user would pass it, and the JSON that must go out.</summary>
    public static IEnumerable<TestCaseData> DirectInputs() =>
        Variants.Both("structured (docs' example)",
                new Dictionary<string, object> { ["input-field-1"] = 5.0, ["input-field-2"] = "N", ["input-field-3"] = new[] { 0.25, 0.25, 2.1, 16.3 } },
                """{"input-field-1":5.0,"input-field-2":"N","input-field-3":[0.25,0.25,2.1,16.3]}""")
            .Concat(Variants.Both("structured with a file field (docs' example)",
                JObject.Parse("""{ "input-field-1": 5.0, "file-input-field": "ubiops-file://my-bucket/file-1.jpg" }"""),
                """{"input-field-1":5.0,"file-input-field":"ubiops-file://my-bucket/file-1.jpg"}"""))
            .Concat(Variants.Both("plain string is a JSON string",
                "example-plain-data",
                "\"example-plain-data\""))
            .Concat(Variants.Both("plain string with quotes and non-ASCII",
                "say \"café\" ☕",
                "\"say \\\"café\\\" ☕\""))
            .Concat(Variants.Both("a date in the input uses the API's time format",
                new Dictionary<string, object> { ["when"] = new DateTimeOffset(2020, 3, 28, 20, 0, 26, 613, TimeSpan.FromHours(2)) },
                """{"when":"2020-03-28T20:00:26.613+02:00"}"""));

    [TestCaseSource(nameof(DirectInputs))]
    public async Task Create_Input_SendsItAsJson(bool explicitVersion, object data, string expectedBody)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, DocExamples.CreateCompleted);

        _ = explicitVersion
            ? await harness.Client.Deployment_version_requests_createAsync(RequestInput.FromObject(data), Names.Project, Names.Deployment, Names.Version)
            : await harness.Client.Deployment_requests_createAsync(RequestInput.FromObject(data), Names.Project, Names.Deployment);

        AssertJsonBody(harness.Request, expectedBody);
    }

    public static IEnumerable<TestCaseData> BatchInputs() =>
        Variants.Both("structured (docs' example)",
                new object[]
                {
                    new Dictionary<string, object> { ["input-field-1"] = 5.0, ["input-field-2"] = "N", ["input-field-3"] = new[] { 0.25, 0.25, 2.1, 16.3 } },
                    new Dictionary<string, object> { ["input-field-1"] = 3.0, ["input-field-2"] = "S", ["input-field-3"] = new[] { 4.23, 3.27, 2.41, 12.4 } },
                },
                """[{"input-field-1":5.0,"input-field-2":"N","input-field-3":[0.25,0.25,2.1,16.3]},""" +
                """{"input-field-1":3.0,"input-field-2":"S","input-field-3":[4.23,3.27,2.41,12.4]}]""")
            .Concat(Variants.Both("plain (docs' example)",
                new object[] { "plain-data-goes-here", "plain-example-data" },
                """["plain-data-goes-here","plain-example-data"]"""))
            .Concat(Variants.Both("a single item is still a list",
                new object[] { "only-one" },
                """["only-one"]"""));

    [TestCaseSource(nameof(BatchInputs))]
    public async Task BatchCreate_Inputs_SendsJsonList(bool explicitVersion, object[] data, string expectedBody)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, DocExamples.BatchCreate);

        _ = explicitVersion
            ? await harness.Client.Batch_deployment_version_requests_createAsync(data.Select(RequestInput.FromObject), Names.Project, Names.Deployment, Names.Version)
            : await harness.Client.Batch_deployment_requests_createAsync(data.Select(RequestInput.FromObject), Names.Project, Names.Deployment);

        AssertJsonBody(harness.Request, expectedBody);
    }

    private static readonly string[] DocIds = ["2f909aeb-5c7e-4974-970d-cd0a6a073aca", "85711124-54db-4794-b83d-24492247c6e1"];
    private const string DocIdsJson = """["2f909aeb-5c7e-4974-970d-cd0a6a073aca","85711124-54db-4794-b83d-24492247c6e1"]""";

    [Test]
    public async Task Collect_Ids_SendsJsonListOfIds([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, DocExamples.Collect);

        _ = explicitVersion
            ? await harness.Client.Deployment_version_requests_batch_getAsync(DocIds, Names.Project, Names.Deployment, Names.Version)
            : await harness.Client.Deployment_requests_batch_getAsync(DocIds, Names.Project, Names.Deployment);

        AssertJsonBody(harness.Request, DocIdsJson);
    }

    [Test]
    public async Task BatchDelete_Ids_SendsJsonListOfIds([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, "{}");

        _ = explicitVersion
            ? await harness.Client.Deployment_version_requests_batch_deleteAsync(DocIds, Names.Project, Names.Deployment, Names.Version)
            : await harness.Client.Deployment_requests_batch_deleteAsync(DocIds, Names.Project, Names.Deployment);

        AssertJsonBody(harness.Request, DocIdsJson);
    }

    [Test]
    public async Task Update_Cancelled_SendsStatusCancelled([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, """{"id":"r1","version":"v1","status":"cancelled_pending","time_created":"2020-03-28T20:00:26.613+00:00"}""");
        var update = new DeploymentRequestUpdate { Status = RequestStatus.Cancelled };

        _ = explicitVersion
            ? await harness.Client.Deployment_version_requests_updateAsync(update, Names.Project, Names.Deployment, Names.Version, Names.RequestId)
            : await harness.Client.Deployment_requests_updateAsync(update, Names.Project, Names.Deployment, Names.RequestId);

        AssertJsonBody(harness.Request, """{"status":"cancelled"}""");
    }

    [TestCaseSource(typeof(WireOperations), nameof(WireOperations.Cases))]
    public async Task Operation_Always_SendsBodyOnlyWithPostAndPatch(WireOperation operation)
    {
        using var harness = new WireHarness();

        await harness.SendAsync(operation);

        var expectsBody = operation.Method is "POST" or "PATCH";
        Assert.Multiple(() =>
        {
            Assert.That(harness.Request.Body, expectsBody ? Is.Not.Empty : Is.Null);
            Assert.That(harness.Request.ContentType?.ToString(), expectsBody ? Is.EqualTo("application/json") : Is.Null);
        });
    }

    private static void AssertJsonBody(RecordedRequest request, string expectedBody)
    {
        Assert.Multiple(() =>
        {
            // Exactly this text: compact JSON, members in the order given.
            Assert.That(request.Body, Is.EqualTo(expectedBody));
            Assert.That(request.ContentType?.ToString(), Is.EqualTo("application/json"));
            Assert.That(request.Method, Is.AnyOf("POST", "PATCH"));
        });
    }
}
