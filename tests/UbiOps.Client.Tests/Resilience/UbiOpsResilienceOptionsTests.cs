namespace UbiOps.Client.Tests.Resilience;

public class UbiOpsResilienceOptionsTests
{
    [Test]
    public void Defaults_AreValidAndLongEnoughForTheApi()
    {
        var options = new UbiOpsResilienceOptions();

        Assert.That(options.FindProblems(), Is.Empty);
        Assert.That(options.MaxRetryAttempts, Is.EqualTo(3));
        Assert.That(options.MaxRetryDelay, Is.EqualTo(TimeSpan.FromSeconds(60)), "one rate-limit window");
    }

    [Test]
    public void Validate_OutOfRangeSettings_NamesEachOne()
    {
        var options = new UbiOpsClientOptions
        {
            Token = "t",
            Resilience = new UbiOpsResilienceOptions
            {
                MaxRetryAttempts = 11,
                AttemptTimeout = TimeSpan.Zero,
                BaseDelay = TimeSpan.FromSeconds(-1),
            },
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(error!.ParamName, Is.EqualTo(nameof(UbiOpsClientOptions.Resilience)));
        Assert.That(error.Message, Does.Contain("Resilience.MaxRetryAttempts must be between 0 and 10, not 11."));
        Assert.That(error.Message, Does.Contain("Resilience.AttemptTimeout"));
        Assert.That(error.Message, Does.Contain("Resilience.BaseDelay"));
    }

    [Test]
    public void Validate_NullResilience_IsNamed()
    {
        var options = new UbiOpsClientOptions { Token = "t", Resilience = null! };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(error!.Message, Does.Contain("Resilience must not be null"));
    }
}
