using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Packages;

/// <summary>Python is needed only when a package deployment is declared, and its absence is a clear start-up error.</summary>
public sealed class PythonExecutableTests
{
    private TestPackage _package = null!;

    [OneTimeSetUp]
    public void CreatePackage() =>
        _package = TestPackage.Create("class Deployment:\n    def __init__(self, base_directory, context):\n        pass\n\n    def request(self, data):\n        return data\n");

    [OneTimeTearDown]
    public void DeletePackage() => _package.Dispose();

    [TestCase("python3-not-installed-here", "python3-not-installed-here was not found on PATH")]
    [TestCase("/nonexistent/bin/python3", "/nonexistent/bin/python3 was not found.")]
    public void StartAsync_PackageDeclaredAndNoPython_FailsNamingTheDeploymentAndPython(string executable, string expected)
    {
        var options = new EmulatorOptions { PythonExecutable = executable };
        options.Deployments.Add(new EmulatorDeployment { Name = "scorer", PackageDirectory = _package.Directory });

        Assert.That(() => UbiOpsEmulator.StartAsync(options),
            Throws.InstanceOf<FileNotFoundException>().With.Message.Contains("Deployment 'scorer' is a Python deployment package").And.Message.Contains(expected));
    }

    [Test]
    public async Task StartAsync_NoPackageDeclared_NeedsNoPython()
    {
        await using var emulator = await UbiOpsEmulator.StartAsync(new EmulatorOptions { PythonExecutable = "/nonexistent/bin/python3" });
        using var http = TestEmulator.Raw(emulator);

        var answer = await ApiCalls.CreateAsync(http, TestEmulator.Deployment(emulator, "echo"), new JObject { ["a"] = 1 });

        Assert.That(answer.Value<string>("status"), Is.EqualTo("completed"));
    }

    [Test]
    public async Task Standalone_ConfigDeclaresPackageAndNoPythonOnPath_ExitsWithTheError()
    {
        var config = Path.Combine(_package.Directory, "emulator-config.json");
        await File.WriteAllTextAsync(config, """{"deployments": [{"name": "scorer", "package": "."}]}""");
        var emptyPath = Path.Combine(_package.Directory, "no-python-here");
        Directory.CreateDirectory(emptyPath);

        var output = await EmulatorProcess.RunUntilBannerAsync(["--port", "0", "--config", config], new Dictionary<string, string> { ["PATH"] = emptyPath });

        Assert.That(output.ExitCode, Is.EqualTo(2), string.Join("\n", output.Lines));
        Assert.That(output.Errors, Does.Contain("error: Deployment 'scorer' is a Python deployment package, but python3 was not found on PATH."));
    }
}
