namespace UbiOps.Emulator.Http;

/// <summary>The validated options the running emulator uses, shared by its services.</summary>
internal sealed class EmulatorSettings(EmulatorOptions options)
{
    public string Token { get; } = options.Token;

    /// <summary>The generation of the API served: which operations, list rules and fields.</summary>
    public ApiGeneration Api { get; } = options.Api;

    public string Project { get; } = options.Project;

    public RateLimitOptions? RateLimit { get; } = options.RateLimit;

    public long MaxRequestBodySize { get; } = options.MaxRequestBodySize;
}
