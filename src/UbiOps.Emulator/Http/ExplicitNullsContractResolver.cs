using System.Collections.Concurrent;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using UbiOps.Client;

namespace UbiOps.Emulator.Http;

/// <summary>
/// Writes every field of a request model, <c>null</c> ones included, as the real service does
/// (<c>"success": null</c>, <c>"time_started": null</c>, …). The generated models skip null optional
/// fields, which suits a client's requests but not a server's answers. Error bodies and the origin
/// object keep skipping nulls: the service sends only the fields that apply there. The fields a
/// generation of the API does not send (<c>retries</c> today, <c>additional_data</c> in 2024-07)
/// are left out altogether.
/// </summary>
internal sealed class ExplicitNullsContractResolver : DefaultContractResolver
{
    private static readonly ConcurrentDictionary<ApiGeneration, ExplicitNullsContractResolver> ByGeneration = new();

    private readonly HashSet<string> _notSent;

    private ExplicitNullsContractResolver(IEnumerable<string> notSent) => _notSent = [.. notSent];

    /// <summary>The resolver for the answers of a generation of the API (one per generation: resolvers cache their contracts).</summary>
    public static ExplicitNullsContractResolver For(ApiGeneration api) => ByGeneration.GetOrAdd(api, generation => new ExplicitNullsContractResolver(
    [
        .. generation.SendsRetries ? Array.Empty<string>() : ["retries"],
        .. generation.SendsAdditionalData ? Array.Empty<string>() : ["additional_data"],
    ]));

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.PropertyName is { } name && _notSent.Contains(name))
        {
            property.Ignored = true;
        }
        else if (member.DeclaringType is { } type && type != typeof(ErrorResponse) && type != typeof(DeploymentRequestOrigin))
        {
            property.NullValueHandling = NullValueHandling.Include;
        }

        return property;
    }
}
