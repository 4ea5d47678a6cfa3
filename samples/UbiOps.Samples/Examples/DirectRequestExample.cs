using UbiOps.Client;

namespace UbiOps.Samples;

/// <summary>Direct requests: send one input and get its result in the same call.</summary>
public static class DirectRequestExample
{
    /// <summary>
    /// Sends a structured input to <c>echo</c>'s default version and to its version <c>v2</c>, and a
    /// plain input to <c>plain-echo</c>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="project">The project that holds the deployments.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The finished requests and their results.</returns>
    public static async Task<DirectRequestResults> RunAsync(UbiOpsClient client, string project, CancellationToken cancellationToken = default)
    {
        // <readme:direct-request>
        var echo = client.Deployment(project, "echo"); // the deployment's default version
        var response = await echo.CreateAsync(
            RequestInput.FromObject(new { city = "Utrecht", temperature = 21.5 }), TimeSpan.FromSeconds(60), cancellationToken);

        // Completed with a Result, or Failed with an ErrorMessage: a failing deployment still answers.
        Weather weather = response.Status == RequestStatus.Completed
            ? response.Result!.As<Weather>()! // your class with the output fields (or AsJson(), AsString())
            : throw new InvalidOperationException(response.ErrorMessage);
        // </readme:direct-request>

        // <readme:explicit-version>
        var v2 = await client.Deployment(project, "echo").Version("v2")
            .CreateAsync(RequestInput.FromObject(new { city = "Delft" }), cancellationToken);
        // </readme:explicit-version>

        // <readme:plain-input>
        var plain = await client.Deployment(project, "plain-echo").CreateAsync("hello", cancellationToken);
        string text = plain.Result!.AsString(); // "hello"
        // </readme:plain-input>

        return new DirectRequestResults(response, weather, v2, plain, text);
    }
}

/// <summary>The output fields of the example's deployment, bound by <see cref="RequestPayload.As{T}"/>.</summary>
/// <param name="City">The <c>city</c> field.</param>
/// <param name="Temperature">The <c>temperature</c> field.</param>
public sealed record Weather(string City, double Temperature);

/// <summary>What <see cref="DirectRequestExample.RunAsync"/> got back.</summary>
/// <param name="DefaultVersion">The structured request to <c>echo</c>'s default version.</param>
/// <param name="Weather">Its output, bound to a class.</param>
/// <param name="ExplicitVersion">The structured request to <c>echo</c>'s version <c>v2</c>.</param>
/// <param name="Plain">The plain request to <c>plain-echo</c>.</param>
/// <param name="PlainText">Its output as text.</param>
public sealed record DirectRequestResults(
    DeploymentRequestCreateResponse DefaultVersion,
    Weather Weather,
    DeploymentRequestCreateResponse ExplicitVersion,
    DeploymentRequestCreateResponse Plain,
    string PlainText);
