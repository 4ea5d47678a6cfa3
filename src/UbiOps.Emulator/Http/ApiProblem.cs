namespace UbiOps.Emulator.Http;

/// <summary>
/// A client mistake (or a missing resource) found while handling a call: answered with its status
/// code and <c>{"error": message}</c> by <see cref="ErrorHandlingMiddleware"/>.
/// </summary>
internal sealed class ApiProblem(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static ApiProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiProblem NotFound(string message) => new(StatusCodes.Status404NotFound, message);
}
