namespace UbiOps.Emulator.Deployments;

/// <summary>The project and deployments an emulator serves, merged from defaults, config file and code.</summary>
internal sealed class DeploymentCatalog
{
    private readonly Dictionary<string, EmulatorDeployment> _deployments;

    public DeploymentCatalog(string project, IEnumerable<EmulatorDeployment> deployments)
    {
        Project = project;
        _deployments = new Dictionary<string, EmulatorDeployment>(StringComparer.Ordinal);
        foreach (var deployment in deployments)
        {
            _deployments[deployment.Name] = deployment; // later declarations replace earlier ones
        }
    }

    public string Project { get; }

    public IReadOnlyCollection<EmulatorDeployment> Deployments => _deployments.Values;

    public static DeploymentCatalog From(EmulatorOptions options)
    {
        var all = new List<EmulatorDeployment>();
        if (options.IncludeDefaultDeployments)
        {
            all.AddRange(DefaultDeployments.Create());
        }

        if (options.ConfigPath is not null)
        {
            all.AddRange(DeploymentConfigFile.Load(options.ConfigPath));
        }

        all.AddRange(options.Deployments);
        return new DeploymentCatalog(options.Project, all);
    }

    public EmulatorDeployment? Find(string name) => _deployments.GetValueOrDefault(name);
}
