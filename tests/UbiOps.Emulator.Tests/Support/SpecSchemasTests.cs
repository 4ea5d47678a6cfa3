namespace UbiOps.Emulator.Tests.Support;

/// <summary>The schema check every test relies on does reject answers that break the spec.</summary>
public sealed class SpecSchemasTests
{
    private const string GetPath = "/projects/demo/deployments/echo/requests/2f909aeb-5c7e-4974-970d-cd0a6a073aca";

    [Test]
    public async Task Check_ConformingDetail_HasNoErrors()
    {
        var schemas = await SpecSchemas.GetAsync();

        var errors = schemas.Check("GET", GetPath, 200,
            """{"id": "x", "deployment": "d", "version": "v1", "status": "pending", "success": null, "time_created": "2020-03-29T08:09:10.729+00:00", "time_started": null, "origin": {"deployment": "d"}}""");

        Assert.That(errors, Is.Empty);
    }

    [TestCase("""{"deployment": "d", "version": "v1", "status": "pending", "time_created": "2020-03-29T08:09:10.729+00:00"}""", "id")]
    [TestCase("""{"id": "x", "deployment": "d", "version": "v1", "status": 3, "time_created": "2020-03-29T08:09:10.729+00:00"}""", "status")]
    [TestCase("""{"id": "x", "deployment": "d", "version": "v1", "status": "pending", "time_created": "yesterday"}""", "time_created")]
    [TestCase("""{"id": "x", "deployment": "d", "version": "v1", "status": "pending", "time_created": "2020-03-29T08:09:10.729+00:00", "retries": "0"}""", "retries")]
    public async Task Check_BrokenDetail_NamesTheField(string body, string field)
    {
        var schemas = await SpecSchemas.GetAsync();

        var errors = schemas.Check("GET", GetPath, 200, body);

        Assert.That(string.Join(" ", errors), Does.Contain(field));
    }

    [Test]
    public async Task Check_ErrorWithoutErrorField_IsRejected()
    {
        var schemas = await SpecSchemas.GetAsync();

        Assert.That(schemas.Check("GET", GetPath, 404, """{"message": "nope"}"""), Is.Not.Empty);
        Assert.That(schemas.Check("GET", GetPath, 404, """{"error": "Request not found."}"""), Is.Empty);
    }

    [Test]
    public async Task Check_UndeclaredSuccessStatus_IsRejected()
    {
        var schemas = await SpecSchemas.GetAsync();

        Assert.That(schemas.Check("GET", GetPath, 201, "{}"), Has.Some.Contains("does not declare status 201"));
    }
}
