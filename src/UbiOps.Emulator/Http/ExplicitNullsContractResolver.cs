using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using UbiOps.Client;

namespace UbiOps.Emulator.Http;

/// <summary>
/// Writes every field of a request model, <c>null</c> ones included, as the real service does
/// (<c>"success": null</c>, <c>"time_started": null</c>, …). The generated models skip null optional
/// fields, which suits a client's requests but not a server's answers. Error bodies and the origin
/// object keep skipping nulls: the service sends only the fields that apply there.
/// </summary>
internal sealed class ExplicitNullsContractResolver : DefaultContractResolver
{
    public static ExplicitNullsContractResolver Instance { get; } = new();

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (member.DeclaringType is { } type && type != typeof(ErrorResponse) && type != typeof(DeploymentRequestOrigin))
        {
            property.NullValueHandling = NullValueHandling.Include;
        }

        return property;
    }
}
