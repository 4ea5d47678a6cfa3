using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests;

/// <summary>The standalone emulator's command line, run as a process.</summary>
public sealed class ProgramTests
{
    // Was: "Token: <the --token value>", so a real-looking token ended up in CI logs.
    [Test]
    public async Task Banner_TokenGiven_DoesNotPrintIt()
    {
        const string token = "s3cr3t-given-token-7f9a";

        var output = await EmulatorProcess.RunUntilBannerAsync("--port", "0", "--token", token);

        Assert.That(output.Lines, Has.Some.StartsWith("UbiOps emulator listening on"), output.Errors);
        Assert.That(output.Lines, Has.Member("Token: (as given by --token)"));
        Assert.That(string.Join("\n", output.Lines) + output.Errors, Does.Not.Contain(token));
    }

    [Test]
    public async Task Banner_DefaultToken_PrintsThePublicDefault()
    {
        var output = await EmulatorProcess.RunUntilBannerAsync("--port", "0");

        Assert.That(output.Lines, Has.Member($"Token: {EmulatorOptions.DefaultToken}"), output.Errors);
    }
}
