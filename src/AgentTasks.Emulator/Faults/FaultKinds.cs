namespace AgentTasks.Emulator.Faults;

/// <summary>The kinds of fault a test can inject, as the control surface names them.</summary>
internal static class FaultKinds
{
    public const string Status = "status";
    public const string RateLimit = "rate_limit";
    public const string SecondaryRateLimit = "secondary_rate_limit";
    public const string PrimaryRateLimit = "primary_rate_limit";
    public const string Delay = "delay";
    public const string Drop = "drop";
    public const string DropAfter = "drop_after";
    public const string Malformed = "malformed";
    public const string Body = "body";

    public static readonly IReadOnlyList<string> All =
        [Status, RateLimit, SecondaryRateLimit, PrimaryRateLimit, Delay, Drop, DropAfter, Malformed, Body];
}
