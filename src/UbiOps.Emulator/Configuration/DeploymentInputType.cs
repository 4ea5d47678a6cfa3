namespace UbiOps.Emulator;

/// <summary>The kind of input a deployment takes.</summary>
public enum DeploymentInputType
{
    /// <summary>Structured input: each request is a JSON object with the input fields as keys.</summary>
    Structured,

    /// <summary>Plain input: each request is a string.</summary>
    Plain,
}
