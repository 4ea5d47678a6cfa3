using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Emulator;

/// <summary>
/// Reads deployments from a JSON file:
/// <code>
/// {"deployments": [{"name": "scorer", "input_type": "structured", "versions": ["v1", "v2"],
///   "default_version": "v1", "behaviour": "echo", "delay": 0.5, "failure_rate": 0.1}]}
/// </code>
/// Only <c>name</c> is required. <c>input_type</c> is <c>structured</c> or <c>plain</c>, <c>behaviour</c>
/// is <c>echo</c>, <c>sleep</c> or <c>fail</c>, <c>delay</c> is in seconds and <c>failure_rate</c> a
/// probability. Instead of a behaviour, <c>package</c> names a UbiOps deployment package directory
/// (relative to the config file) whose Python code computes the results (see
/// <see cref="EmulatorDeployment.PackageDirectory"/>), and <c>environment_variables</c> is an object of
/// strings. A bare list of deployments is accepted too.
/// </summary>
public static class DeploymentConfigFile
{
    /// <summary>Reads the deployments declared in a file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The deployments, validated.</returns>
    /// <exception cref="FormatException">The file is not such JSON; the message names the problem.</exception>
    public static IReadOnlyList<EmulatorDeployment> Load(string path) =>
        Parse(File.ReadAllText(path), path, Path.GetDirectoryName(Path.GetFullPath(path))!);

    /// <summary>Reads the deployments declared in JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where the text came from, for error messages.</param>
    /// <returns>The deployments, validated.</returns>
    /// <exception cref="FormatException">The text is not such JSON; the message names the problem.</exception>
    public static IReadOnlyList<EmulatorDeployment> Parse(string json, string source = "config") =>
        Parse(json, source, Directory.GetCurrentDirectory());

    /// <summary>Reads the deployments declared in JSON text; a relative <c>package</c> is taken from <paramref name="baseDirectory"/>.</summary>
    private static IReadOnlyList<EmulatorDeployment> Parse(string json, string source, string baseDirectory)
    {
        JToken root;
        try
        {
            root = JToken.Parse(json, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
        }
        catch (JsonReaderException ex)
        {
            throw new FormatException($"{source}: not valid JSON: {ex.Message}", ex);
        }

        var list = root is JObject obj ? obj["deployments"] : root;
        if (list is not JArray items)
        {
            throw new FormatException($"{source}: expected a list of deployments or an object with a \"deployments\" list.");
        }

        var result = new List<EmulatorDeployment>();
        foreach (var item in items)
        {
            result.Add(ReadDeployment(item, source, baseDirectory));
        }

        return result;
    }

    private static EmulatorDeployment ReadDeployment(JToken item, string source, string baseDirectory)
    {
        if (item is not JObject json || json.Value<string>("name") is not { Length: > 0 } name)
        {
            throw new FormatException($"{source}: every deployment needs a \"name\".");
        }

        try
        {
            var deployment = new EmulatorDeployment
            {
                Name = name,
                InputType = Enum<DeploymentInputType>(json, "input_type") ?? DeploymentInputType.Structured,
                Versions = json["versions"] is JArray versions ? versions.Select(v => v.Value<string>() ?? "").ToList() : ["v1"],
                DefaultVersion = json.Value<string>("default_version"),
                Behaviour = Enum<DeploymentBehaviour>(json, "behaviour") ?? Enum<DeploymentBehaviour>(json, "behavior") ?? DeploymentBehaviour.Echo,
                Delay = TimeSpan.FromSeconds(json.Value<double?>("delay") ?? 0),
                FailureRate = json.Value<double?>("failure_rate") ?? 0,
                PackageDirectory = Package(json, baseDirectory),
                EnvironmentVariables = EnvironmentVariables(json),
            };
            deployment.Validate();
            return deployment;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new FormatException($"{source}: deployment '{name}': {ex.Message}", ex);
        }
    }

    private static string? Package(JObject json, string baseDirectory)
    {
        if (json["package"] is null)
        {
            return null;
        }

        if (json["behaviour"] is not null || json["behavior"] is not null)
        {
            throw new FormatException("give either \"behaviour\" or \"package\", not both.");
        }

        return json["package"] is JValue { Type: JTokenType.String } path && path.Value<string>() is { Length: > 0 } text
            ? Path.GetFullPath(text, baseDirectory)
            : throw new FormatException("\"package\" must be the path of a deployment package directory.");
    }

    private static Dictionary<string, string> EnvironmentVariables(JObject json) => json["environment_variables"] switch
    {
        null => [],
        JObject variables when variables.Properties().All(p => p.Value.Type == JTokenType.String) =>
            variables.Properties().ToDictionary(p => p.Name, p => p.Value.Value<string>()!, StringComparer.Ordinal),
        _ => throw new FormatException("\"environment_variables\" must be an object of strings."),
    };

    private static T? Enum<T>(JObject json, string field)
        where T : struct, Enum
    {
        var text = json.Value<string>(field);
        if (text is null)
        {
            return null;
        }

        return System.Enum.TryParse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? value
            : throw new FormatException($"\"{field}\" is '{text}'; expected one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
    }
}
