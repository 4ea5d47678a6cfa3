using Newtonsoft.Json.Linq;

namespace UbiOps.Emulator;

/// <summary>
/// A deployment the emulator serves: its name, versions, input type and what it does with a request
/// (a built-in <see cref="Behaviour"/>, a .NET <see cref="Handler"/> or a Python <see cref="PackageDirectory"/>).
/// </summary>
public sealed class EmulatorDeployment
{
    /// <summary>The deployment name used in URLs.</summary>
    public required string Name { get; init; }

    /// <summary>Whether requests are JSON objects or strings.</summary>
    /// <value>The default value is <see cref="DeploymentInputType.Structured"/>.</value>
    public DeploymentInputType InputType { get; init; } = DeploymentInputType.Structured;

    /// <summary>The names of the deployment's versions.</summary>
    /// <value>The default value is a single version <c>v1</c>.</value>
    public IReadOnlyList<string> Versions { get; init; } = ["v1"];

    /// <summary>The version that the default-version routes use; <see langword="null"/> means the first version.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? DefaultVersion { get; init; }

    /// <summary>The built-in behaviour, used when <see cref="Handler"/> is not set.</summary>
    /// <value>The default value is <see cref="DeploymentBehaviour.Echo"/>.</value>
    public DeploymentBehaviour Behaviour { get; init; } = DeploymentBehaviour.Echo;

    /// <summary>A wait before the behaviour runs, as a model's processing time would.</summary>
    /// <value>The default value is <see cref="TimeSpan.Zero"/>.</value>
    public TimeSpan Delay { get; init; }

    /// <summary>The probability (0 to 1) that a request fails at random instead of running the behaviour.</summary>
    /// <value>The default value is 0.</value>
    public double FailureRate { get; init; }

    /// <summary>
    /// Code that computes the result from the input. An exception fails the request with its message;
    /// the token is cancelled when the request is cancelled, times out or the emulator stops.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the built-in <see cref="Behaviour"/> runs.</value>
    public Func<JToken, CancellationToken, Task<JToken>>? Handler { get; init; }

    /// <summary>
    /// A UbiOps deployment package directory: <c>deployment.py</c> with <c>class Deployment</c>
    /// (<c>__init__(self, base_directory, context)</c>, <c>request(self, data)</c> or
    /// <c>request(self, data, context)</c>, optionally <c>requests(self, data)</c> for a list), and
    /// optionally <c>libraries/</c> (put on the import path). Its code computes the results, run by
    /// <see cref="EmulatorOptions.PythonExecutable"/> in long-lived worker processes; a relative path is
    /// taken from the current directory. <c>requirements.txt</c> is not installed: install what the
    /// package needs into the Python environment yourself.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: <see cref="Handler"/> or <see cref="Behaviour"/> computes the results.</value>
    public string? PackageDirectory { get; init; }

    /// <summary>
    /// Environment variables of the deployment: set in the package's process and passed in its
    /// init context as <c>environment_variables</c>, as the service does.
    /// </summary>
    /// <value>The default value is an empty dictionary.</value>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>The package directory as a full path, as the package's worker sees it.</summary>
    internal string? PackagePath => PackageDirectory is null ? null : Path.GetFullPath(PackageDirectory);

    /// <summary>The version the default-version routes use.</summary>
    internal string EffectiveDefaultVersion => DefaultVersion ?? Versions[0];

    /// <summary>Checks the definition and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException">The definition is not valid.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Deployment name '{Name}' is empty or contains '/'.", nameof(Name));
        }

        if (Versions is null || Versions.Count == 0 || Versions.Any(v => string.IsNullOrWhiteSpace(v) || v.Contains('/', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Deployment '{Name}' needs at least one version, each a non-empty name without '/'.", nameof(Versions));
        }

        if (Versions.Distinct(StringComparer.Ordinal).Count() != Versions.Count)
        {
            throw new ArgumentException($"Deployment '{Name}' lists a version twice.", nameof(Versions));
        }

        if (DefaultVersion is not null && !Versions.Contains(DefaultVersion, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The default version '{DefaultVersion}' of deployment '{Name}' is not one of its versions.", nameof(DefaultVersion));
        }

        if (Delay < TimeSpan.Zero)
        {
            throw new ArgumentException($"The delay of deployment '{Name}' is negative.", nameof(Delay));
        }

        if (double.IsNaN(FailureRate) || FailureRate is < 0 or > 1)
        {
            throw new ArgumentException($"The failure rate of deployment '{Name}' must be between 0 and 1.", nameof(FailureRate));
        }

        if (PackageDirectory is not null)
        {
            ValidatePackage();
        }
    }

    private void ValidatePackage()
    {
        if (Handler is not null)
        {
            throw new ArgumentException($"Deployment '{Name}' has both a handler and a package directory; give one.", nameof(PackageDirectory));
        }

        if (!File.Exists(Path.Combine(PackageDirectory!, "deployment.py")))
        {
            throw new ArgumentException(
                Directory.Exists(PackageDirectory)
                    ? $"The package directory '{PackageDirectory}' of deployment '{Name}' has no deployment.py."
                    : $"The package directory '{PackageDirectory}' of deployment '{Name}' does not exist.",
                nameof(PackageDirectory));
        }
    }
}
