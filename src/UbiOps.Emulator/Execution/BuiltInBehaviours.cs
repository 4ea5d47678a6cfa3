using System.Globalization;
using Newtonsoft.Json.Linq;

namespace UbiOps.Emulator.Execution;

/// <summary>What the built-in deployments do: echo, sleep and fail.</summary>
internal static class BuiltInBehaviours
{
    private const double MaxSleepSeconds = 172_800;

    public static async Task<JToken> RunAsync(EmulatorDeployment deployment, JToken input, CancellationToken ct)
    {
        switch (deployment.Behaviour)
        {
            case DeploymentBehaviour.Echo:
                return input.DeepClone();
            case DeploymentBehaviour.Sleep:
                var seconds = SleepSeconds(input);
                await Task.Delay(TimeSpan.FromSeconds(seconds.Value<double>()), ct).ConfigureAwait(false);
                return new JObject { ["slept"] = seconds.DeepClone() };
            case DeploymentBehaviour.Fail:
                throw new DeploymentFailure(AlwaysFailsMessage(deployment));
            default:
                throw new DeploymentFailure($"Deployment '{deployment.Name}' has no behaviour.");
        }
    }

    /// <summary>The error message of every request of a deployment whose behaviour is to fail.</summary>
    public static string AlwaysFailsMessage(EmulatorDeployment deployment) =>
        $"Deployment '{deployment.Name}' always fails: this is the emulator's failing deployment.";

    /// <summary>The error message of a request that failed at random (<see cref="EmulatorDeployment.FailureRate"/>).</summary>
    public static string RandomFailureMessage(EmulatorDeployment deployment) =>
        $"Random failure of deployment '{deployment.Name}' (failure rate {deployment.FailureRate}).";

    /// <summary>The number of seconds to sleep: <c>{"seconds": n}</c>, or a bare number or numeric string.</summary>
    private static JToken SleepSeconds(JToken input)
    {
        var candidate = input is JObject obj ? obj["seconds"] : input;
        if (candidate is JValue { Type: JTokenType.String } text &&
            double.TryParse(text.Value<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            candidate = new JValue(parsed);
        }

        if (candidate is not JValue { Type: JTokenType.Integer or JTokenType.Float } number ||
            number.Value<double>() is var value && (double.IsNaN(value) || value is < 0 or > MaxSleepSeconds))
        {
            throw new DeploymentFailure($"The sleep deployment expects {{\"seconds\": number}} with 0 <= seconds <= {MaxSleepSeconds}.");
        }

        return number;
    }
}
