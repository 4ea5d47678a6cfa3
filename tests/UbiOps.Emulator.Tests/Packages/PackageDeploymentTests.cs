using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Packages;

/// <summary>A deployment can be a UbiOps deployment package: its Python code computes the results.</summary>
public sealed class PackageDeploymentTests
{
    // Structured input, request(self, data, context): answers with everything the code was given.
    private const string ContextPackage = """
        import os

        class Deployment:
            def __init__(self, base_directory, context):
                self.base_directory = base_directory
                self.init_context = context
                self.greeting = os.environ.get("GREETING")

            def request(self, data, context):
                return {"data_type": type(data).__name__, "data": data, "init": self.init_context, "request": context,
                        "base_directory": self.base_directory, "greeting": self.greeting}
        """;

    // Plain input, request(self, data) without a context.
    private const string PlainPackage = """
        class Deployment:
            def __init__(self, base_directory, context):
                pass

            def request(self, data):
                return type(data).__name__ + ":" + data.upper()
        """;

    // Structured, request(self, data) only, with a helper from libraries/ and output that must not reach the protocol.
    private const string StructuredPackage = """
        import os
        import sys
        from helper import double

        class Deployment:
            def __init__(self, base_directory, context):
                print('{"result": "printed, not returned"}')

            def request(self, data):
                print('{"result": "printed by print()"}')
                os.write(1, b'{"result": "written to fd 1"}\n')
                sys.stdout.flush()
                if data.get("fail"):
                    raise ValueError("x must not be " + str(data["x"]))
                if data.get("not_json"):
                    return {1, 2}
                return {"doubled": double(data["x"])}
        """;

    // Only requests(self, data): a list goes to it in one call.
    private const string ListPackage = """
        class Deployment:
            def __init__(self, base_directory, context):
                pass

            def requests(self, data):
                return {"calls": 1, "sum": sum(item["x"] for item in data)}
        """;

    private const string BrokenInitPackage = """
        class Deployment:
            def __init__(self, base_directory, context):
                raise RuntimeError("the model file is missing")

            def request(self, data):
                return data
        """;

    private readonly List<TestPackage> _packages = [];
    private readonly LineRecorder _output = new();
    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Python.Require();
        var context = Package(ContextPackage);
        var plain = Package(PlainPackage);
        var structured = Package(StructuredPackage, ("libraries/helper.py", "def double(x):\n    return 2 * x\n"));
        var list = Package(ListPackage);
        var broken = Package(BrokenInitPackage);
        _emulator = await TestEmulator.StartAsync(o =>
        {
            o.PackageOutput = _output;
            o.Deployments.Add(new EmulatorDeployment
            {
                Name = "context", PackageDirectory = context.Directory, Versions = ["v1", "v2"],
                EnvironmentVariables = new Dictionary<string, string> { ["GREETING"] = "hello" },
            });
            o.Deployments.Add(new EmulatorDeployment { Name = "shout", PackageDirectory = plain.Directory, InputType = DeploymentInputType.Plain });
            o.Deployments.Add(new EmulatorDeployment { Name = "double", PackageDirectory = structured.Directory });
            o.Deployments.Add(new EmulatorDeployment { Name = "summer", PackageDirectory = list.Directory });
            o.Deployments.Add(new EmulatorDeployment { Name = "broken", PackageDirectory = broken.Directory });
        });
        _http = TestEmulator.Raw(_emulator);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http?.Dispose();
        if (_emulator is not null)
        {
            Assert.That(_emulator.UnexpectedErrors, Is.EqualTo(0));
            await _emulator.DisposeAsync();
        }

        _packages.ForEach(p => p.Dispose());
    }

    [Test]
    public async Task Direct_StructuredRequestWithContext_CodeSeesDictAndTheDocumentedContext()
    {
        var answer = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "context", "v2"), new JObject { ["x"] = 1 });

        var result = (JObject)answer["result"]!;
        Assert.That(answer.Value<string>("status"), Is.EqualTo("completed"), answer.ToString());
        Assert.That((result.Value<string>("data_type"), result["data"]!.ToString(Newtonsoft.Json.Formatting.None)), Is.EqualTo(("dict", "{\"x\":1}")));
        var init = (JObject)result["init"]!;
        Assert.That(
            (init.Value<string>("project"), init.Value<string>("deployment"), init.Value<string>("version"), init.Value<string>("input_type"), init.Value<string>("language")),
            Is.EqualTo(("demo", "context", "v2", "structured", "python")));
        Assert.That(init["environment_variables"]!.Value<string>("GREETING"), Is.EqualTo("hello"));
        Assert.That(result.Value<string>("greeting"), Is.EqualTo("hello"), "the environment variables are set in the process too");
        Assert.That(new[] { "project_id", "deployment_id", "version_id" }.Select(id => Guid.TryParse(init.Value<string>(id), out _)), Is.All.True);
        var request = (JObject)result["request"]!;
        Assert.That((request.Value<string>("id"), request.Value<string>("request_mode")), Is.EqualTo((answer.Value<string>("id"), "express")));
        Assert.That(Guid.TryParse(request.Value<string>("user_id"), out _), Is.True);
        Assert.That(result.Value<string>("base_directory"), Is.EqualTo(_packages[0].Directory));
    }

    [Test]
    public async Task Batch_StructuredRequest_RequestModeIsBatch()
    {
        var created = await ApiCalls.CreateBatchAsync(_http, TestEmulator.Deployment(_emulator, "context"), new JArray(new JObject { ["x"] = 2 }));
        var id = created[0].Value<string>("id")!;

        var done = await ApiCalls.WaitForEndAsync(_http, TestEmulator.Deployment(_emulator, "context"), id);

        Assert.That(done.Value<string>("status"), Is.EqualTo("completed"), done.ToString());
        Assert.That((done.SelectToken("result.request.id")!.Value<string>(), done.SelectToken("result.request.request_mode")!.Value<string>()), Is.EqualTo((id, "batch")));
        Assert.That(done.SelectToken("result.init.version")!.Value<string>(), Is.EqualTo("v1"), "the default version");
    }

    [Test]
    public async Task Direct_PlainRequestAsText_CodeGetsStrAndItsReturnIsTheResult()
    {
        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, "shout"), new StringContent("hello", Encoding.UTF8, "text/plain"));
        var json = JObject.Parse(await answer.Content.ReadAsStringAsync());

        Assert.That((json.Value<string>("status"), json.Value<string>("result")), Is.EqualTo(("completed", "str:HELLO")), json.ToString());
    }

    [Test]
    public async Task Batch_PlainRequests_EachRunsWithoutContext()
    {
        var created = await ApiCalls.CreateBatchAsync(_http, TestEmulator.Deployment(_emulator, "shout"), new JArray("a", "b"));

        var results = new List<string?>();
        foreach (var request in created)
        {
            results.Add((await ApiCalls.WaitForEndAsync(_http, TestEmulator.Deployment(_emulator, "shout"), request.Value<string>("id")!)).Value<string>("result"));
        }

        Assert.That(results, Is.EqualTo(new[] { "str:A", "str:B" }));
    }

    [Test]
    public async Task Direct_RequestWithoutContext_UsesLibrariesAndIgnoresPrintedOutput()
    {
        var answer = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "double"), new JObject { ["x"] = 21 });

        Assert.That(answer.Value<string>("status"), Is.EqualTo("completed"), answer.ToString());
        Assert.That(JToken.DeepEquals(answer["result"], new JObject { ["doubled"] = 42 }), Is.True, answer.ToString());
    }

    [Test]
    public async Task Direct_CodePrints_OutputGoesToPackageOutputWithItsDeployment()
    {
        await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "double"), new JObject { ["x"] = 2 });

        var lines = await Eventually.ReachAsync(() => Task.FromResult(_output.Lines),
            lines => lines.Contains("[double v1] {\"result\": \"written to fd 1\"}"), "the package's output is passed on");
        Assert.That(lines, Does.Contain("[double v1] {\"result\": \"printed by print()\"}"));
        Assert.That(lines, Does.Contain("[double v1] {\"result\": \"printed, not returned\"}"), "output of __init__ too");
    }

    [Test]
    public async Task Direct_CodeRaises_FailedWithTheExceptionMessage()
    {
        var answer = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "double"), new JObject { ["x"] = 7, ["fail"] = true });

        Assert.That((answer.Value<string>("status"), answer.Value<string>("error_message")), Is.EqualTo(("failed", "x must not be 7")));
        var next = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "double"), new JObject { ["x"] = 1 });
        Assert.That(next.Value<string>("status"), Is.EqualTo("completed"), "an exception does not break the worker");
    }

    [Test]
    public async Task Batch_CodeRaises_FailedWithTheExceptionMessage()
    {
        var created = await ApiCalls.CreateBatchAsync(_http, TestEmulator.Deployment(_emulator, "double"), new JArray(new JObject { ["x"] = 3, ["fail"] = true }));

        var done = await ApiCalls.WaitForEndAsync(_http, TestEmulator.Deployment(_emulator, "double"), created[0].Value<string>("id")!);

        Assert.That((done.Value<string>("status"), done.Value<string>("error_message"), done.Value<int>("retries")), Is.EqualTo(("failed", "x must not be 3", 0)));
    }

    [Test]
    public async Task Direct_ResultIsNotJson_FailedSayingSo()
    {
        var answer = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "double"), new JObject { ["x"] = 1, ["not_json"] = true });

        Assert.That(answer.Value<string>("status"), Is.EqualTo("failed"));
        Assert.That(answer.Value<string>("error_message"), Does.Contain("not JSON"));
    }

    [Test]
    public async Task Direct_ListWithRequestsMethod_OneCallWithTheList()
    {
        var answer = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "summer"), new JArray(new JObject { ["x"] = 1 }, new JObject { ["x"] = 2 }));

        Assert.That(JToken.DeepEquals(answer["result"], new JObject { ["calls"] = 1, ["sum"] = 3 }), Is.True, answer.ToString());
    }

    [Test]
    public async Task Direct_ListWithOnlyRequestMethod_ResultPerItem()
    {
        var answer = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "double"), new JArray(new JObject { ["x"] = 1 }, new JObject { ["x"] = 5 }));

        Assert.That(JToken.DeepEquals(answer["result"], JArray.Parse("""[{"doubled": 2}, {"doubled": 10}]""")), Is.True, answer.ToString());
    }

    [Test]
    public async Task Direct_InitRaises_FailedNamingTheInitError()
    {
        var answer = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "broken"), new JObject());

        Assert.That(answer.Value<string>("status"), Is.EqualTo("failed"));
        Assert.That(answer.Value<string>("error_message"), Does.Contain("could not be initialised").And.Contain("the model file is missing"));
    }

    private TestPackage Package(string deploymentPy, params (string Path, string Content)[] files)
    {
        var package = TestPackage.Create(deploymentPy, files);
        _packages.Add(package);
        return package;
    }
}
