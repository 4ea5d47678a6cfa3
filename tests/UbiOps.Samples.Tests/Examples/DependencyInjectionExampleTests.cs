using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests.Examples;

public sealed class DependencyInjectionExampleTests : EmulatorFixture
{
    [Test]
    public async Task RunAsync_OptionsInCode_ResolvedClientGetsAnswers()
    {
        var output = await DependencyInjectionExample.RunAsync(Emulator.Token, Emulator.BaseUrl, Project);

        Assert.That(JToken.Parse(output), Is.EqualTo(new JObject { ["via"] = "options" }).Using<JToken>(JToken.DeepEquals));
    }

    [Test]
    public async Task FromConfigurationAsync_UbiOpsSection_ResolvedClientGetsAnswers()
    {
        var output = await DependencyInjectionExample.FromConfigurationAsync(Configuration(Emulator.Token), Project);

        Assert.That(JToken.Parse(output), Is.EqualTo(new JObject { ["via"] = "configuration" }).Using<JToken>(JToken.DeepEquals));
    }

    [Test]
    public void FromConfigurationAsync_WrongTokenInSection_ApiRefusesWith401()
    {
        // The API answers 401 with an ErrorResponse body, so the thrown type is the generic subclass.
        var refused = Assert.CatchAsync<UbiOpsApiException>(
            () => DependencyInjectionExample.FromConfigurationAsync(Configuration("not-the-emulator-token"), Project));

        Assert.That(refused!.StatusCode, Is.EqualTo(401));
    }

    private IConfiguration Configuration(string token) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["UbiOps:Token"] = token, ["UbiOps:BaseUrl"] = Emulator.BaseUrl })
        .Build();
}
