namespace UbiOps.Client;

/// <summary>Argument checks shared by the scope's operations; all run before any HTTP call.</summary>
internal static class Guard
{
    public static string RequestId(string requestId, string name)
    {
        ArgumentNullException.ThrowIfNull(requestId, name);
        return string.IsNullOrWhiteSpace(requestId)
            ? throw new ArgumentException("A request id must not be empty.", name)
            : requestId;
    }

    public static string[] RequestIds(IEnumerable<string> requestIds, string name)
    {
        ArgumentNullException.ThrowIfNull(requestIds, name);
        var ids = requestIds.ToArray();
        if (ids.Length == 0)
        {
            throw new ArgumentException("At least one request id is needed.", name);
        }

        for (var i = 0; i < ids.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i]))
            {
                throw new ArgumentException($"The request id at index {i} is empty.", name);
            }
        }

        return ids;
    }

    public static RequestInput[] Inputs(IEnumerable<RequestInput> inputs, string name)
    {
        ArgumentNullException.ThrowIfNull(inputs, name);
        var items = inputs.ToArray();
        if (items.Length == 0)
        {
            throw new ArgumentException("At least one input is needed.", name);
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null)
            {
                throw new ArgumentException($"The input at index {i} is null.", name);
            }

            // A deployment is either plain or structured; the API rejects a mixed batch as a whole.
            if (items[i].IsPlain != items[0].IsPlain)
            {
                throw new ArgumentException(
                    $"Plain and structured inputs cannot be mixed: the input at index 0 is {Kind(items[0])}, the one at index {i} is {Kind(items[i])}.",
                    name);
            }
        }

        return items;
    }

    /// <summary>
    /// A request timeout as the whole seconds the API takes; <see langword="null"/> (the server's
    /// default) stays null.
    /// </summary>
    public static int? TimeoutSeconds(TimeSpan? timeout, TimeSpan max, string name)
    {
        if (timeout is not { } value)
        {
            return null;
        }

        if (value < RequestLimits.MinTimeout || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"The request timeout must be {RequestLimits.MinTimeout.TotalSeconds:0} to {max.TotalSeconds:0} seconds.");
        }

        if (value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"The request timeout must be a whole number of seconds (the API counts in seconds), not {value}.", name);
        }

        return (int)value.TotalSeconds;
    }

    /// <summary>The polling options runs and waits share; the parameter names are the option names.</summary>
    public static void Polling(int maxConcurrentCalls, TimeSpan firstPollDelay, TimeSpan maxPollInterval, TimeProvider timeProvider)
    {
        if (maxConcurrentCalls < 1)
        {
            throw new ArgumentOutOfRangeException("MaxConcurrentCalls", maxConcurrentCalls, "At least one call must be allowed at a time.");
        }

        if (firstPollDelay <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("FirstPollDelay", firstPollDelay, "The first poll delay must be more than zero.");
        }

        if (maxPollInterval < firstPollDelay)
        {
            throw new ArgumentOutOfRangeException("MaxPollInterval", maxPollInterval, $"The longest poll interval must be at least the first poll delay ({firstPollDelay}).");
        }

        if (timeProvider is null)
        {
            throw new ArgumentNullException("TimeProvider");
        }
    }

    /// <summary>A priority, when one is set, must be one the API knows.</summary>
    public static void Priority(RequestPriority? priority, string name)
    {
        if (priority is { } value && !Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"The priority must be {nameof(RequestPriority.High)} or {nameof(RequestPriority.Standard)}, not {(int)value}.");
        }
    }

    /// <summary>An option of an enum type must be one of its members.</summary>
    public static void Defined<T>(T value, string name)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }

    /// <summary>A notification group, when one is set, must name one.</summary>
    public static void NotificationGroup(string? group, string name)
    {
        if (group is not null && string.IsNullOrWhiteSpace(group))
        {
            throw new ArgumentException($"{name} must not be empty when set.", name);
        }
    }

    private static string Kind(RequestInput input) => input.IsPlain ? "plain" : "structured";
}
