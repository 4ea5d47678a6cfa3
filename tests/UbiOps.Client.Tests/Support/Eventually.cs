namespace UbiOps.Client.Tests.Support;

/// <summary>Waits for a condition that another thread makes true; bounded so a broken test fails instead of hanging.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition)
    {
        for (var i = 0; i < 30_000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        Assert.That(condition(), Is.True, "the condition never became true");
    }
}
