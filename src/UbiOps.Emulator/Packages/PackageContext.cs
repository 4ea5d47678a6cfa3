using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator.Packages;

/// <summary>
/// The context a deployment package sees, with the fields the UbiOps docs define: at start-up
/// (project, deployment, version, input/output type and fields, language, environment variables,
/// ids) and with each request (id, request_mode, user_id).
/// </summary>
internal static class PackageContext
{
    /// <summary>The first message to a worker: where the package is and its <c>__init__</c> context.</summary>
    public static JObject Init(string project, EmulatorDeployment deployment, string version)
    {
        var inputType = deployment.InputType == DeploymentInputType.Plain ? "plain" : "structured";
        var environment = new JObject(deployment.EnvironmentVariables.Select(pair => new JProperty(pair.Key, pair.Value)));
        return new JObject
        {
            ["init"] = new JObject
            {
                ["directory"] = deployment.PackagePath,
                ["environment_variables"] = environment,
                ["context"] = new JObject
                {
                    ["project"] = project,
                    ["project_id"] = StableId("project", project),
                    ["deployment"] = deployment.Name,
                    ["deployment_id"] = StableId("deployment", project, deployment.Name),
                    ["version"] = version,
                    ["version_id"] = StableId("version", project, deployment.Name, version),
                    ["input_type"] = inputType,
                    // The emulator declares no output type or fields: the output is taken as it comes.
                    ["output_type"] = inputType,
                    ["input_fields"] = new JArray(),
                    ["output_fields"] = new JArray(),
                    ["language"] = "python",
                    ["environment_variables"] = environment.DeepClone(),
                },
            },
        };
    }

    /// <summary>One request to a worker: its data and the request context.</summary>
    public static JObject Request(RequestRecord record, JToken data) => new()
    {
        ["request"] = new JObject
        {
            ["data"] = data,
            ["context"] = new JObject
            {
                ["id"] = record.Id,
                ["request_mode"] = record.Kind == RequestMode.Direct ? "express" : "batch",
                ["user_id"] = StableId("user", record.CreatedBy),
            },
        },
    };

    /// <summary>An id that stays the same across restarts for the same names, as the service's ids do.</summary>
    private static string StableId(params string[] names) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", names))).AsSpan(0, 16)).ToString("D");
}
