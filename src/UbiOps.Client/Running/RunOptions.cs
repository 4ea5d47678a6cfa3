namespace UbiOps.Client;

/// <summary>How <see cref="DeploymentScope.RunAsync"/> submits inputs and waits for their results.</summary>
public sealed class RunOptions
{
    /// <summary>How the inputs are submitted as batch requests.</summary>
    /// <value>The default value is <see langword="null"/>: the defaults of <see cref="BatchCreateOptions"/>.</value>
    public BatchCreateOptions? Submit { get; set; }

    /// <summary>How the results are waited for.</summary>
    /// <value>The default value is <see langword="null"/>: the defaults of <see cref="WaitOptions"/>.</value>
    public WaitOptions? Wait { get; set; }

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        Submit?.Validate();
        Wait?.Validate();
    }
}
