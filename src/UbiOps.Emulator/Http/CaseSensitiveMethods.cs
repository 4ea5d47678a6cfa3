namespace UbiOps.Emulator.Http;

/// <summary>
/// HTTP methods are case-sensitive (RFC 9110 §9.1), but ASP.NET Core's routing matches them without
/// regard to case, so <c>get …/requests</c> would be served as a GET. A method with a lower-case
/// letter is answered 400 before anything else looks at the call, as nginx does.
/// </summary>
internal static class CaseSensitiveMethods
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        if (!method.Any(char.IsLower))
        {
            return next(context);
        }

        var shown = method.Length <= 32 ? method : method[..32] + "…";
        return JsonResponse.WriteAsync(context.Response,
            new Client.ErrorResponse { Error = $"HTTP method '{shown}' is not known: methods are case-sensitive (GET, POST, PATCH, DELETE)." },
            StatusCodes.Status400BadRequest);
    }
}
