using UbiOps.Client;

// Compiled, never run: every async member of the public API takes the CancellationToken as its
// last, positional argument, in each of its overloads.
internal static class PositionalTokens
{
    public static async Task CallEveryAsyncMemberAsync(DeploymentScope scope, CancellationToken cancellationToken)
    {
        RequestInput input = "hello";
        string[] ids = ["r-1"];

        await scope.CreateAsync(input, cancellationToken);
        await scope.CreateAsync(input, TimeSpan.FromMinutes(1), cancellationToken);
        await scope.CreateBatchAsync([input], cancellationToken);
        await scope.CreateBatchAsync([input], new BatchCreateOptions(), cancellationToken);
        await scope.CollectAsync(ids, cancellationToken);
        await scope.GetAsync("r-1", cancellationToken);
        await scope.GetMetadataAsync("r-1", cancellationToken);
        await scope.CancelAsync("r-1", cancellationToken);
        await scope.DeleteAsync("r-1", cancellationToken);
        await scope.DeleteAsync(ids, cancellationToken);
        await scope.ListAsync(cancellationToken);
        await scope.ListAsync(new RequestFilter(), cancellationToken);
        await foreach (var _ in scope.ListAllAsync(cancellationToken)) { }
        await foreach (var _ in scope.ListAllAsync(new RequestFilter(), cancellationToken)) { }
        await foreach (var _ in scope.WaitAsync(ids, cancellationToken)) { }
        await foreach (var _ in scope.WaitAsync(ids, new WaitOptions(), cancellationToken)) { }
        await foreach (var _ in scope.RunAsync([input], cancellationToken)) { }
        await foreach (var _ in scope.RunAsync([input], new RunOptions(), cancellationToken)) { }
    }
}
