using Microsoft.Extensions.Options;

namespace UbiOps.Client;

/// <summary>
/// Checks <see cref="UbiOpsClientOptions"/> when they are first used or, with
/// <c>ValidateOnStart</c>, when the host starts, naming every problem (a missing token, a bad
/// base URL, a resilience setting out of range).
/// </summary>
internal sealed class UbiOpsClientOptionsValidator : IValidateOptions<UbiOpsClientOptions>
{
    public ValidateOptionsResult Validate(string? name, UbiOpsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.FindProblems().Select(p => p.Message).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
