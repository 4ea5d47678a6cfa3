using Newtonsoft.Json;

namespace UbiOps.Client.Tests.Json;

public class ApiDateTimeConverterTests
{
    private static readonly DateTimeOffset Created = new(2020, 3, 28, 20, 0, 26, 613, TimeSpan.FromHours(2));

    [Test]
    public void Serialize_ModelWithDefaultSettings_WritesTheApiTimeFormat()
    {
        var model = new DeploymentRequestBatchCreateResponse
        {
            Id = "r1", Deployment = "d", Version = "v1", Status = RequestStatus.Pending, TimeCreated = Created,
        };

        // No settings of ours: the format travels with the model, as for a user who logs it as JSON.
        var json = JsonConvert.SerializeObject(model);

        Assert.That(json, Does.Contain("\"time_created\":\"2020-03-28T20:00:26.613+02:00\""));
    }

    [Test]
    public void Serialize_NullTime_IsLeftOut()
    {
        var model = new DeploymentRequestList
        {
            Id = "r1", Deployment = "d", Version = "v1", Status = RequestStatus.Pending, TimeCreated = Created, TimeStarted = null,
        };

        var json = JsonConvert.SerializeObject(model, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Include });

        Assert.That(json, Does.Not.Contain("time_started"), "the property ignores nulls, as the generated JsonProperty says");
        Assert.That(json, Does.Contain("\"time_created\":\"2020-03-28T20:00:26.613+02:00\""));
    }

    [TestCase("2020-03-28T20:00:26.613+02:00", "2020-03-28T18:00:26.6130000+00:00")]
    [TestCase("2020-03-28T20:00:26.613Z", "2020-03-28T20:00:26.6130000+00:00")]
    [TestCase("2020-03-28T20:00:26", "2020-03-28T20:00:26.0000000+00:00")]
    public void Deserialize_IsoTime_ReadsTheInstant(string sent, string expectedUtc)
    {
        var model = JsonConvert.DeserializeObject<DeploymentRequestBatchCreateResponse>(
            $$"""{"id":"r1","deployment":"d","version":"v1","status":"pending","time_created":"{{sent}}"}""")!;

        Assert.That(model.TimeCreated.ToUniversalTime().ToString("o"), Is.EqualTo(expectedUtc));
    }

    [Test]
    public void Deserialize_NotATime_ThrowsSerializationErrorNamingThePath()
    {
        var error = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<DeploymentRequestBatchCreateResponse>(
            """{"id":"r1","deployment":"d","version":"v1","status":"pending","time_created":"yesterday"}"""));

        Assert.That(error!.Message, Does.Contain("time_created").And.Contain("yesterday"));
    }
}
