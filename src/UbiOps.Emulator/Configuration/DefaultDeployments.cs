namespace UbiOps.Emulator;

/// <summary>The deployments every emulator serves unless told otherwise.</summary>
public static class DefaultDeployments
{
    /// <summary>
    /// <c>echo</c> (structured, versions <c>v1</c> (default) and <c>v2</c>), <c>plain-echo</c> (plain),
    /// <c>sleep</c> (structured, <c>{"seconds": n}</c>) and <c>fail</c> (structured, always fails).
    /// </summary>
    /// <returns>New definitions.</returns>
    public static IReadOnlyList<EmulatorDeployment> Create() =>
    [
        new() { Name = "echo", Versions = ["v1", "v2"], DefaultVersion = "v1" },
        new() { Name = "plain-echo", InputType = DeploymentInputType.Plain },
        new() { Name = "sleep", Behaviour = DeploymentBehaviour.Sleep },
        new() { Name = "fail", Behaviour = DeploymentBehaviour.Fail },
    ];
}
