using UbiOps.Emulator;
using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests;

public sealed class SampleProgramTests
{
    [Test]
    public async Task RunAsync_TokenHostAndProjectSet_RunsEveryExampleAgainstThatApi()
    {
        // A stand-in for the UbiOps service: an emulator with a token and project the program cannot guess.
        await using var service = await UbiOpsEmulator.StartAsync(new EmulatorOptions { Token = "service-token", Project = "my-project" });
        var environment = new Dictionary<string, string>
        {
            ["UBIOPS_API_TOKEN"] = "service-token",
            ["UBIOPS_API_HOST"] = service.BaseUrl,
            ["UBIOPS_PROJECT"] = "my-project",
        };
        var output = new StringWriter();

        var exitCode = await SampleProgram.RunAsync(output, environment.GetValueOrDefault);

        var lines = Lines(output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), output.ToString());
            Assert.That(lines[0], Is.EqualTo($"Running the examples against {service.BaseUrl} (project 'my-project')."));
            Assert.That(lines, Is.SupersetOf(SampleOutput.ExampleLines));
            Assert.That(lines.Any(l => l == "cancel: cancelled, cancelled, cancelled; gone after delete: 3 of 3"),
                Is.True, output.ToString());
        });
    }

    [Test]
    public async Task RunAsync_TokenWithoutProject_Returns2AndNamesTheMissingVariable()
    {
        var output = new StringWriter();

        var exitCode = await SampleProgram.RunAsync(output, name => name == "UBIOPS_API_TOKEN" ? "some-token" : null);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(output.ToString(), Does.Contain("UBIOPS_PROJECT"));
        });
    }

    private static string[] Lines(StringWriter output) =>
        output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
