using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Configuration;

public sealed class DeploymentConfigTests
{
    [Test]
    public void Parse_FullDeclaration_ReadsEveryField()
    {
        var deployments = DeploymentConfigFile.Parse("""
            {"deployments": [{"name": "scorer", "input_type": "plain", "versions": ["a", "b"], "default_version": "b",
                              "behaviour": "sleep", "delay": 0.25, "failure_rate": 0.5}]}
            """);

        var scorer = deployments.Single();
        Assert.That(
            (scorer.Name, scorer.InputType, string.Join(",", scorer.Versions), scorer.EffectiveDefaultVersion, scorer.Behaviour, scorer.Delay, scorer.FailureRate),
            Is.EqualTo(("scorer", DeploymentInputType.Plain, "a,b", "b", DeploymentBehaviour.Sleep, TimeSpan.FromMilliseconds(250), 0.5)));
    }

    [TestCase("{", "not valid JSON")]
    [TestCase("{\"deployments\": {}}", "list of deployments")]
    [TestCase("[{\"versions\": [\"v1\"]}]", "name")]
    [TestCase("[{\"name\": \"x\", \"behaviour\": \"dance\"}]", "behaviour")]
    [TestCase("[{\"name\": \"x\", \"versions\": []}]", "version")]
    [TestCase("[{\"name\": \"x\", \"default_version\": \"v7\"}]", "v7")]
    [TestCase("[{\"name\": \"x\", \"failure_rate\": 3}]", "failure rate")]
    public void Parse_Invalid_ThrowsFormatExceptionNamingTheProblem(string json, string expected) =>
        Assert.That(() => DeploymentConfigFile.Parse(json), Throws.InstanceOf<FormatException>().With.Message.Contains(expected));

    [Test]
    public async Task ConfigFile_DeclaresDeploymentsNextToTheDefaults()
    {
        var path = Path.Combine(Path.GetTempPath(), $"emulator-config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """[{"name": "broken", "behaviour": "fail", "versions": ["x1", "x2"], "default_version": "x2"}]""");
        try
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.ConfigPath = path);
            var client = TestEmulator.Client(emulator);

            var failed = await client.Deployment_requests_createAsync(new JObject(), "demo", "broken");
            var echoed = await client.Deployment_requests_createAsync(new JObject(), "demo", "echo");

            Assert.That((failed.Status.Value, failed.Version), Is.EqualTo(("failed", "x2")));
            Assert.That(echoed.Status, Is.EqualTo(RequestStatus.Completed), "the default deployments are still there");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task FailureRateOne_FailsEveryRequest()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Deployments.Add(new EmulatorDeployment { Name = "flaky", FailureRate = 1 }));
        var client = TestEmulator.Client(emulator);

        var response = await client.Deployment_requests_createAsync(new JObject(), "demo", "flaky");

        Assert.That(response.Status, Is.EqualTo(RequestStatus.Failed));
        Assert.That(response.ErrorMessage, Does.Contain("failure rate"));
    }

    [Test]
    public async Task HandlerDeployment_ComputesResultAndReportsExceptions()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o
            .AddDeployment("double", (input, _) => Task.FromResult<JToken>(new JObject { ["y"] = input.Value<int>("x") * 2 }))
            .AddDeployment("shout", (input, _) => input.Value<string>() == "boom"
                ? throw new InvalidOperationException("cannot shout boom")
                : Task.FromResult<JToken>(input.Value<string>()!.ToUpperInvariant()), DeploymentInputType.Plain));
        var client = TestEmulator.Client(emulator);

        var doubled = await client.Deployment_requests_createAsync(new JObject { ["x"] = 21 }, "demo", "double");
        var shouted = await client.Deployment_requests_createAsync("hi", "demo", "shout");
        var failed = await client.Deployment_requests_createAsync("boom", "demo", "shout");

        Assert.That(Json.Of(doubled.Result)["y"]!.Value<int>(), Is.EqualTo(42));
        Assert.That(Json.Of(shouted.Result).Value<string>(), Is.EqualTo("HI"));
        Assert.That((failed.Status.Value, failed.ErrorMessage), Is.EqualTo(("failed", "cannot shout boom")));
    }

    [Test]
    public void Options_Invalid_ThrowArgumentExceptionBeforeStarting()
    {
        Assert.That(() => UbiOpsEmulator.StartAsync(new EmulatorOptions { Workers = 0 }), Throws.ArgumentException.With.Message.Contains("Workers"));
        Assert.That(() => UbiOpsEmulator.StartAsync(new EmulatorOptions { Host = "example.com" }), Throws.ArgumentException.With.Message.Contains("example.com"));
        Assert.That(() => new EmulatorOptions().AddDeployment("bad/name", (i, _) => Task.FromResult(i)), Throws.ArgumentException);
    }

    [Test]
    public async Task Defaults_ServeDemoProjectWithEmulatorTokenOnLoopback()
    {
        await using var emulator = await UbiOpsEmulator.StartAsync();

        Assert.That((emulator.Project, emulator.Token), Is.EqualTo(("demo", "emulator-token")));
        Assert.That(emulator.BaseUrl, Does.Match(@"^http://127\.0\.0\.1:\d+/v2\.1$"));
        var client = new DeploymentRequestsClient(new HttpClient(), new UbiOpsClientOptions { Token = emulator.Token, BaseUrl = emulator.BaseUrl });
        foreach (var deployment in new[] { "echo", "sleep", "fail" })
        {
            Assert.That(await client.Deployment_requests_listAsync("demo", deployment), Is.Empty);
        }

        Assert.That((await client.Deployment_version_requests_createAsync("x", "demo", "plain-echo", "v1")).Status, Is.EqualTo(RequestStatus.Completed));
    }

    [Test]
    public void Load_Package_IsTakenRelativeToTheConfigFile()
    {
        using var package = TestPackage.Create("class Deployment:\n    pass\n");
        var config = Path.Combine(package.Directory, "config", "emulator.json");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, """
            [{"name": "scorer", "package": "..", "environment_variables": {"MODE": "test", "LEVEL": "3"}}]
            """);

        var scorer = DeploymentConfigFile.Load(config).Single();

        Assert.That(scorer.PackageDirectory, Is.EqualTo(package.Directory));
        Assert.That(scorer.EnvironmentVariables, Is.EquivalentTo(new Dictionary<string, string> { ["MODE"] = "test", ["LEVEL"] = "3" }));
    }

    [TestCase("""[{"name": "x", "package": "/nonexistent/package"}]""", "does not exist")]
    [TestCase("""[{"name": "x", "package": "."}]""", "has no deployment.py")]
    [TestCase("""[{"name": "x", "package": 3}]""", "\"package\" must be the path")]
    [TestCase("""[{"name": "x", "package": ".", "behaviour": "echo"}]""", "either \"behaviour\" or \"package\"")]
    [TestCase("""[{"name": "x", "environment_variables": {"A": 1}}]""", "object of strings")]
    public void Parse_InvalidPackage_ThrowsFormatExceptionNamingTheProblem(string json, string expected) =>
        Assert.That(() => DeploymentConfigFile.Parse(json), Throws.InstanceOf<FormatException>().With.Message.Contains(expected).And.Message.Contains("'x'"));

    [Test]
    public void Validate_HandlerAndPackage_ThrowsNamingBoth()
    {
        using var package = TestPackage.Create("class Deployment:\n    pass\n");
        var deployment = new EmulatorDeployment
        {
            Name = "both", PackageDirectory = package.Directory, Handler = (input, _) => Task.FromResult(input),
        };

        Assert.That(deployment.Validate, Throws.ArgumentException.With.Message.Contains("both a handler and a package directory"));
    }
}
