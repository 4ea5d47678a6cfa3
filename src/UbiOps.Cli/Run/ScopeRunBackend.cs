using System.Net;
using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using UbiOps.Client;

namespace UbiOps.Cli.Run;

/// <summary>The run's view of a deployment, through the SDK's batch create and wait.</summary>
internal sealed class ScopeRunBackend(DeploymentScope scope, TimeSpan? timeout, WaitOptions waitOptions) : IRunBackend
{
    public async Task<IReadOnlyList<string>> SubmitAsync(IReadOnlyList<JToken> inputs, CancellationToken cancellationToken)
    {
        var options = new BatchCreateOptions { Timeout = timeout, MaxConcurrency = 1 };
        try
        {
            var created = await scope.CreateBatchAsync(inputs.Select(RequestInput.FromObject), options, cancellationToken);
            return created.Select(c => c.Id).ToArray();
        }
        catch (BatchSubmissionException e) when (e.Submitted.Count == 0 && e.InnerException is { } inner)
        {
            // One call of at most 250 inputs: nothing was submitted, so the API's answer is the failure.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }

    public async IAsyncEnumerable<EndedRequest> WaitAsync(
        IReadOnlyList<string> requestIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var detail in scope.WaitAsync(requestIds, waitOptions, cancellationToken))
        {
            yield return new EndedRequest(detail.Id, detail.Status.Value, detail.Result?.AsJson(), detail.ErrorMessage);
        }
    }

    public bool IsRejection(Exception exception, out string reason)
    {
        switch (exception)
        {
            case UbiOpsApiException { StatusCode: (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.RequestEntityTooLarge or (int)HttpStatusCode.UnprocessableEntity } api:
                reason = $"the API refused the input ({api.StatusCode}): {api.Error}";
                return true;
            case ArgumentException argument:
                // E.g. plain and structured inputs mixed in one batch: one by one, each gets its own answer.
                reason = argument.Message;
                return true;
            default:
                reason = string.Empty;
                return false;
        }
    }
}
