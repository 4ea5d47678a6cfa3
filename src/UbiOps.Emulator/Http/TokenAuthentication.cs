using System.Security.Cryptography;
using System.Text;

namespace UbiOps.Emulator.Http;

/// <summary>
/// Checks <c>Authorization: Token &lt;token&gt;</c> on API calls. The <c>Token </c> prefix is optional,
/// as the real service accepts; a missing or wrong token is a 401.
/// </summary>
internal sealed class TokenAuthentication(RequestDelegate next, EmulatorSettings settings)
{
    private const string Prefix = "Token ";
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(settings.Token);

    public Task InvokeAsync(HttpContext context)
    {
        if (!ApiPaths.IsApi(context.Request.Path))
        {
            return next(context);
        }

        var header = context.Request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0)
        {
            return JsonResponse.WriteAsync(context.Response,
                new Client.ErrorResponse { Error = "Authentication credentials were not provided." }, StatusCodes.Status401Unauthorized);
        }

        var token = header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..].Trim() : header;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _expected)
            ? next(context)
            : JsonResponse.WriteAsync(context.Response, new Client.ErrorResponse { Error = "Invalid token." }, StatusCodes.Status401Unauthorized);
    }
}
