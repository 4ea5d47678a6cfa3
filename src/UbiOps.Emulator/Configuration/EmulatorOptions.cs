using Newtonsoft.Json.Linq;

namespace UbiOps.Emulator;

/// <summary>How an emulator listens, authenticates, stores and which deployments it serves.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The token that every API call must carry as <c>Authorization: Token &lt;token&gt;</c>.</summary>
    public const string DefaultToken = "emulator-token";

    /// <summary>The project every API route is under unless <see cref="Project"/> is changed.</summary>
    public const string DefaultProject = "demo";

    /// <summary>
    /// The generation of the API to serve: <see cref="ApiGeneration.December2025"/> (the service as it is
    /// today: 22 operations, a list that shows completed requests unless filtered) or
    /// <see cref="ApiGeneration.July2024"/> (16 operations, the list of July 2024).
    /// </summary>
    /// <value>The default value is <see cref="ApiGeneration.Latest"/>.</value>
    public ApiGeneration Api { get; set; } = ApiGeneration.Latest;

    /// <summary>The TCP port to listen on; 0 picks a free port.</summary>
    /// <value>The default value is 0.</value>
    public int Port { get; set; }

    /// <summary>The address to listen on. Only loopback unless asked otherwise (e.g. <c>0.0.0.0</c>).</summary>
    /// <value>The default value is <c>127.0.0.1</c>.</value>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The API token the emulator accepts.</summary>
    /// <value>The default value is <see cref="DefaultToken"/>.</value>
    public string Token { get; set; } = DefaultToken;

    /// <summary>The one project the emulator serves.</summary>
    /// <value>The default value is <see cref="DefaultProject"/>.</value>
    public string Project { get; set; } = DefaultProject;

    /// <summary>
    /// The SQLite file that holds the requests, so they survive restarts; <see langword="null"/> uses a
    /// temporary database that is deleted when the emulator is disposed. One emulator uses a file at a
    /// time (a second one fails to start with <see cref="DatabaseInUseException"/>);
    /// <see cref="UbiOpsEmulator.DeleteDatabase(string)"/> deletes one.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// The number of batch requests processed at the same time. Those of the built-in echo and fail
    /// (without a delay) end the moment they start and need no worker: they run as they are accepted.
    /// </summary>
    /// <value>The default value is 4.</value>
    public int Workers { get; set; } = 4;

    /// <summary>Whether <c>echo</c>, <c>plain-echo</c>, <c>sleep</c> and <c>fail</c> are served (see <see cref="DefaultDeployments"/>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IncludeDefaultDeployments { get; set; } = true;

    /// <summary>A JSON file declaring more deployments (see <see cref="DeploymentConfigFile"/>); <see langword="null"/> for none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ConfigPath { get; set; }

    /// <summary>
    /// Deployments declared in code. They are added after the defaults and the config file; a
    /// deployment with the same name replaces an earlier one.
    /// </summary>
    public IList<EmulatorDeployment> Deployments { get; } = new List<EmulatorDeployment>();

    /// <summary>The rate limit per remote address; <see langword="null"/> turns rate limiting off.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public RateLimitOptions? RateLimit { get; set; }

    /// <summary>Faults to inject into API calls; <see langword="null"/> for none. Can be changed later with <see cref="UbiOpsEmulator.Faults"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public FaultOptions? Faults { get; set; }

    /// <summary>
    /// How long one second of a request's <c>timeout</c> lasts. The API's smallest timeout is 10 s; tests
    /// shrink this (e.g. to 20 ms) to see timeouts quickly while the API's limits still apply as documented.
    /// </summary>
    /// <value>The default value is one second.</value>
    public TimeSpan TimeoutUnit { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The Python interpreter that runs deployment packages (<see cref="EmulatorDeployment.PackageDirectory"/>):
    /// a name looked up on <c>PATH</c>, or a path. Needed only when such a deployment is declared; when
    /// it is not found, <see cref="UbiOpsEmulator.StartAsync(EmulatorOptions?, CancellationToken)"/> fails naming the deployment.
    /// </summary>
    /// <value>The default value is <c>python3</c>.</value>
    public string PythonExecutable { get; set; } = "python3";

    /// <summary>
    /// Where the output of deployment packages goes (their <c>print()</c>, logging and tracebacks), one
    /// line at a time, each prefixed with <c>[deployment version]</c>.
    /// </summary>
    /// <value>The default value is <see cref="Console.Error"/>.</value>
    public TextWriter PackageOutput { get; set; } = Console.Error;

    /// <summary>The largest request body accepted, in bytes; larger bodies are answered 413.</summary>
    /// <value>The default value is 10 MB.</value>
    public long MaxRequestBodySize { get; set; } = 10 * 1024 * 1024;

    /// <summary>Registers a deployment whose result is computed by .NET code.</summary>
    /// <param name="name">The deployment name.</param>
    /// <param name="handler">Computes the result from the input; an exception fails the request with its message.</param>
    /// <param name="inputType">Whether the input is an object or a string.</param>
    /// <param name="versions">The version names; <c>v1</c> when none are given. The first is the default.</param>
    /// <returns>These options, for chaining.</returns>
    public EmulatorOptions AddDeployment(
        string name,
        Func<JToken, CancellationToken, Task<JToken>> handler,
        DeploymentInputType inputType = DeploymentInputType.Structured,
        params string[] versions)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var deployment = new EmulatorDeployment
        {
            Name = name, Handler = handler, InputType = inputType, Versions = versions.Length == 0 ? ["v1"] : versions,
        };
        deployment.Validate();
        Deployments.Add(deployment);
        return this;
    }

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException">An option is not valid.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Api, nameof(Api));
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port {Port} is outside 0..65535.", nameof(Port));
        }

        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("The host is empty.", nameof(Host));
        }

        if (string.IsNullOrWhiteSpace(Token) || Token.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("The token is empty or contains white space.", nameof(Token));
        }

        if (string.IsNullOrWhiteSpace(Project) || Project.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("The project name is empty or contains '/'.", nameof(Project));
        }

        if (Workers is < 1 or > 256)
        {
            throw new ArgumentException($"Workers must be between 1 and 256, not {Workers}.", nameof(Workers));
        }

        if (TimeoutUnit <= TimeSpan.Zero)
        {
            throw new ArgumentException("The timeout unit must be positive.", nameof(TimeoutUnit));
        }

        if (MaxRequestBodySize < 1024)
        {
            throw new ArgumentException("The body size limit must be at least 1024 bytes.", nameof(MaxRequestBodySize));
        }

        if (RateLimit is { PermitLimit: < 1 } || RateLimit is not null && RateLimit.Window <= TimeSpan.Zero)
        {
            throw new ArgumentException("The rate limit needs a positive limit and window.", nameof(RateLimit));
        }

        ArgumentNullException.ThrowIfNull(PackageOutput, nameof(PackageOutput));
        if (string.IsNullOrWhiteSpace(PythonExecutable))
        {
            throw new ArgumentException("The Python executable is empty.", nameof(PythonExecutable));
        }

        Faults?.Validate();
        foreach (var deployment in Deployments)
        {
            deployment.Validate();
        }
    }
}
