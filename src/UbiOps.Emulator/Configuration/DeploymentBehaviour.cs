namespace UbiOps.Emulator;

/// <summary>What a built-in emulated deployment does with a request.</summary>
public enum DeploymentBehaviour
{
    /// <summary>The result is the input, unchanged.</summary>
    Echo,

    /// <summary>
    /// The input is <c>{"seconds": number}</c> (or a number, for a plain deployment): waits that long, then
    /// answers <c>{"slept": seconds}</c>.
    /// </summary>
    Sleep,

    /// <summary>Every request fails with an error message.</summary>
    Fail,
}
