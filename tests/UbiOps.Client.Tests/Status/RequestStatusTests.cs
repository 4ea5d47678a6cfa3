using Newtonsoft.Json;

namespace UbiOps.Client.Tests.Status;

public class RequestStatusTests
{
    [TestCase("completed", true)]
    [TestCase("failed", true)]
    [TestCase("cancelled", true)]
    [TestCase("CANCELLED", true)]
    [TestCase("cancelled_pending", false)]
    [TestCase("pending", false)]
    [TestCase("processing", false)]
    [TestCase("paused", false)]
    public void IsTerminal_Status_OnlyCompletedFailedAndCancelled(string value, bool terminal)
    {
        Assert.That(new RequestStatus(value).IsTerminal, Is.EqualTo(terminal));
    }

    [Test]
    public void Equals_DifferentCase_AreEqual()
    {
        Assert.That(new RequestStatus("Completed"), Is.EqualTo(RequestStatus.Completed));
        Assert.That(new RequestStatus("Completed").GetHashCode(), Is.EqualTo(RequestStatus.Completed.GetHashCode()));
    }

    [Test]
    public void UnknownStatusFromServer_IsKeptAsData()
    {
        var detail = JsonConvert.DeserializeObject<DeploymentRequestBatchDetail>(ApiMock.Detail("r1", "quarantined").ToString())!;

        Assert.That(detail.Status.Value, Is.EqualTo("quarantined"));
        Assert.That(detail.Status.IsKnown, Is.False);
        Assert.That(detail.Status.IsTerminal, Is.False);
    }

    [Test]
    public void Constructor_Empty_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => _ = new RequestStatus(" "));
    }

    [Test]
    public void Json_RoundTripsAsString()
    {
        Assert.That(JsonConvert.SerializeObject(RequestStatus.CancelledPending), Is.EqualTo("\"cancelled_pending\""));
        Assert.That(JsonConvert.DeserializeObject<RequestStatus>("\"new_status\"").Value, Is.EqualTo("new_status"));
    }

    [Test]
    public void Operators_IgnoringCase_EqualAndDiffer()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new RequestStatus("PENDING") == RequestStatus.Pending, Is.True);
            Assert.That(new RequestStatus("PENDING") != RequestStatus.Pending, Is.False);
            Assert.That(RequestStatus.Pending != RequestStatus.Completed, Is.True);
            Assert.That(RequestStatus.Pending == RequestStatus.Completed, Is.False);
        });
    }

    [TestCase("7")]
    [TestCase("\"\"")]
    [TestCase("null")]
    public void Json_NotANonEmptyString_ThrowsNamingThePath(string value)
    {
        var exception = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<DeploymentRequestBatchDetail>(
            "{\"id\":\"r1\",\"status\":" + value + "}"));

        Assert.That(exception!.Message, Does.StartWith("A request status is a non-empty JSON string (path 'status')"));
    }
}
