using UbiOps.Emulator.Deployments;

namespace UbiOps.Emulator.Http;

/// <summary>
/// Finds the deployment version a call addresses from its route: the <c>version</c> segment when
/// present, else the deployment's default version. Unknown names are 404s.
/// </summary>
internal sealed class TargetResolver(DeploymentCatalog catalog)
{
    public DeploymentTarget Resolve(HttpContext context)
    {
        var project = (string)context.GetRouteValue("project_name")!;
        var deploymentName = (string)context.GetRouteValue("deployment_name")!;
        var version = context.GetRouteValue("version") as string;
        if (!string.Equals(project, catalog.Project, StringComparison.Ordinal))
        {
            throw ApiProblem.NotFound($"Project '{project}' not found.");
        }

        var deployment = catalog.Find(deploymentName)
            ?? throw ApiProblem.NotFound($"Deployment '{deploymentName}' not found in project '{project}'.");
        if (version is null)
        {
            return new DeploymentTarget(project, deployment, deployment.EffectiveDefaultVersion);
        }

        return deployment.Versions.Contains(version, StringComparer.Ordinal)
            ? new DeploymentTarget(project, deployment, version)
            : throw ApiProblem.NotFound($"Version '{version}' of deployment '{deploymentName}' not found.");
    }
}
