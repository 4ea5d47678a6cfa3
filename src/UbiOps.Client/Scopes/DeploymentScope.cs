namespace UbiOps.Client;

/// <summary>
/// The requests of one deployment: of its default version, or of an explicit version when
/// <see cref="VersionName"/> is set. Both offer the same operations, written once.
/// </summary>
public partial class DeploymentScope
{
    /// <summary>For mocking frameworks only.</summary>
    protected DeploymentScope()
    {
        Client = null!;
        Project = null!;
        Deployment = null!;
        _route = null!;
    }

    internal DeploymentScope(UbiOpsClient client, string project, string deployment, string? version)
    {
        Client = client;
        Project = Require(project, nameof(project));
        Deployment = Require(deployment, nameof(deployment));
        VersionName = version is null ? null : Require(version, nameof(version));
        _route = new RequestRoute(client.Raw, Project, Deployment, VersionName);
    }

    // Every operation below goes through the route, which picks the default-version or the
    // explicit-version operation of the generated client.
    private readonly RequestRoute _route;

    /// <summary>The client this scope sends through.</summary>
    public UbiOpsClient Client { get; }

    /// <summary>The project name.</summary>
    public string Project { get; }

    /// <summary>The deployment name.</summary>
    public string Deployment { get; }

    /// <summary>The explicit version, or <see langword="null"/> for the deployment's default version.</summary>
    public string? VersionName { get; }

    /// <summary>The same deployment, addressed at an explicit version.</summary>
    /// <param name="version">The version name.</param>
    /// <returns>A scope whose operations address that version.</returns>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public virtual DeploymentScope Version(string version) => new(Client, Project, Deployment, version);

    /// <inheritdoc />
    public override string ToString() =>
        VersionName is null ? $"{Project}/{Deployment}" : $"{Project}/{Deployment}/versions/{VersionName}";

    private static string Require(string value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"The {name} name must not be empty.", name)
            : value;
}
