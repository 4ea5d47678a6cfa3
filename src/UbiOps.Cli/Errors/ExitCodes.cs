namespace UbiOps.Cli.Errors;

/// <summary>The process exit codes of every command; <see cref="HelpText"/> is shown by <c>--help</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int SomeInputsFailed = 1;
    public const int UsageError = 2;
    public const int AuthenticationFailed = 3;
    public const int NotFound = 4;
    public const int Unreachable = 5;
    public const int ApiError = 6;
    public const int Cancelled = 130;

    public static readonly string HelpText = string.Join(
        Environment.NewLine,
        "Exit codes:",
        $"  {Success,-4}ok",
        $"  {SomeInputsFailed,-4}some inputs or requests failed (malformed input, refused or ambiguous input, failed or cancelled request, wait timed out)",
        $"  {UsageError,-4}usage error (bad option, missing or unreadable file)",
        $"  {AuthenticationFailed,-4}authentication failed (wrong or missing token, no permission)",
        $"  {NotFound,-4}not found (unknown project, deployment, version or request)",
        $"  {Unreachable,-4}host unreachable (connection failed or timed out)",
        $"  {ApiError,-4}the API answered another error",
        $"  {Cancelled,-4}cancelled (Ctrl+C)");
}
