namespace AgentTasks.Emulator.Faults;

/// <summary>One injected fault and which API requests it applies to.</summary>
internal sealed class FaultRule
{
    public required string Kind { get; init; }
    public int? Status { get; init; }
    public int? RetryAfter { get; init; }
    public int? DelayMs { get; init; }

    /// <summary>For a <c>body</c> fault: the body sent as it is, and its media type.</summary>
    public string? Body { get; init; }
    public string? ContentType { get; init; }

    /// <summary>With a percent the rule applies to that share of matching requests until cleared; otherwise to <see cref="RemainingCount"/> more.</summary>
    public int? Percent { get; init; }

    public string? Method { get; init; }
    public string? PathPrefix { get; init; }

    /// <summary>Only changed by <see cref="FaultInjector"/>, under its lock.</summary>
    public int RemainingCount { get; set; }

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase));
}
