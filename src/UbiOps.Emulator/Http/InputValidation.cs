using Newtonsoft.Json.Linq;

namespace UbiOps.Emulator.Http;

/// <summary>
/// Checks request data against the deployment's input type: objects for a structured deployment,
/// strings for a plain one. Batch calls and id lists are all or nothing, at most 250 items.
/// </summary>
internal static class InputValidation
{
    private const int MaxItems = RequestLimits.MaxItemsPerCall;

    /// <summary>A direct request: one input, or a non-empty list of inputs (the deployment's "requests" function).</summary>
    public static void CheckDirect(EmulatorDeployment deployment, JToken data)
    {
        if (data is JArray list)
        {
            if (list.Count == 0)
            {
                throw ApiProblem.BadRequest("The request data is an empty list.");
            }

            for (var i = 0; i < list.Count; i++)
            {
                CheckItem(deployment, list[i], $"Item {i} of the request data");
            }

            return;
        }

        CheckItem(deployment, data, "The request data");
    }

    /// <summary>A batch: a list of inputs (a single input is taken as a list of one).</summary>
    public static IReadOnlyList<JToken> CheckBatch(EmulatorDeployment deployment, JToken data)
    {
        IReadOnlyList<JToken> items = data is JArray list ? list.ToList() : [data];
        CheckCount(items.Count, "requests per batch call");
        for (var i = 0; i < items.Count; i++)
        {
            CheckItem(deployment, items[i], data is JArray ? $"Item {i} of the batch" : "The request data");
        }

        return items;
    }

    /// <summary>A list of request ids for collect and batch delete; returns them without duplicates.</summary>
    public static IReadOnlyList<string> CheckIds(JToken data)
    {
        if (data is not JArray list)
        {
            throw ApiProblem.BadRequest($"Expected a list of request ids, got {Describe(data)}.");
        }

        CheckCount(list.Count, "request ids per call");
        var ids = new List<string>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JValue { Type: JTokenType.String } value)
            {
                throw ApiProblem.BadRequest($"Item {i} of the id list must be a string, not {Describe(list[i])}.");
            }

            var id = value.Value<string>()!;
            if (!Guid.TryParseExact(id, "D", out _))
            {
                throw ApiProblem.BadRequest($"Item {i} of the id list, '{Shorten(id)}', is not a valid request id (a UUID).");
            }

            ids.Add(id.ToLowerInvariant());
        }

        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void CheckCount(int count, string what)
    {
        if (count == 0)
        {
            throw ApiProblem.BadRequest($"The list is empty; send between 1 and {MaxItems} {what}.");
        }

        if (count > MaxItems)
        {
            throw ApiProblem.BadRequest($"The maximum number of {what} is {MaxItems}; got {count}.");
        }
    }

    private static void CheckItem(EmulatorDeployment deployment, JToken item, string what)
    {
        var ok = deployment.InputType == DeploymentInputType.Structured
            ? item.Type == JTokenType.Object
            : item.Type == JTokenType.String;
        if (!ok)
        {
            var expected = deployment.InputType == DeploymentInputType.Structured
                ? "has structured input: a request must be a JSON object"
                : "has plain input: a request must be a string";
            throw ApiProblem.BadRequest($"{what} is {Describe(item)}, but deployment '{deployment.Name}' {expected}.");
        }
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "a list",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
