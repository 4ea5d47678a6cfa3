namespace UbiOps.Emulator.Tests.Support;

/// <summary>Waits for a condition the emulator reaches asynchronously (a batch request finishing).</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<T> ReachAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(15);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Gave up waiting: {what}. Last value: {last}");
        return last;
    }
}
