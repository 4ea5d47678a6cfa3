namespace UbiOps.Emulator.Deployments;

/// <summary>The deployment version an API call addresses: explicit in the route, or the deployment's default.</summary>
/// <param name="Project">The project name.</param>
/// <param name="Deployment">The deployment definition.</param>
/// <param name="Version">The resolved version name.</param>
internal sealed record DeploymentTarget(string Project, EmulatorDeployment Deployment, string Version)
{
    public string DeploymentName => Deployment.Name;
}
