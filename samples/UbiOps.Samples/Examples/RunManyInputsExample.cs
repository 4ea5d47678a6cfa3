using UbiOps.Client;

namespace UbiOps.Samples;

/// <summary>Running a list of inputs through a deployment and getting the results in input order.</summary>
public static class RunManyInputsExample
{
    /// <summary>Runs 1,000 structured inputs through <c>echo</c>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="project">The project that holds the deployment.</param>
    /// <param name="cancellationToken">Stops submitting and waiting.</param>
    /// <returns>The inputs and one outcome per input, in input order.</returns>
    public static async Task<RunManyInputsResults> RunAsync(
        UbiOpsClient client, string project, CancellationToken cancellationToken = default)
    {
        // <readme:run-many-inputs>
        var inputs = Enumerable.Range(0, 1_000).Select(i => RequestInput.FromObject(new { id = i, text = $"document {i}" })).ToList();

        var outcomes = new List<RequestOutcome>();
        await foreach (var outcome in client.Deployment(project, "echo").RunAsync(inputs, cancellationToken))
        {
            // In input order (outcome.Index), each as soon as it and all before it have finished.
            outcomes.Add(outcome); // outcome.Succeeded ? outcome.Result : outcome.ErrorMessage
        }
        // </readme:run-many-inputs>

        return new RunManyInputsResults(inputs, outcomes);
    }
}

/// <summary>What <see cref="RunManyInputsExample.RunAsync"/> got back.</summary>
/// <param name="Inputs">The inputs.</param>
/// <param name="Outcomes">One outcome per input, in input order.</param>
public sealed record RunManyInputsResults(IReadOnlyList<RequestInput> Inputs, IReadOnlyList<RequestOutcome> Outcomes);
