namespace AgentTasks.Emulator.Tasks;

/// <summary>The eight states a task or session can be in.</summary>
internal static class StateNames
{
    public const string Queued = "queued";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Idle = "idle";
    public const string WaitingForUser = "waiting_for_user";
    public const string TimedOut = "timed_out";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All =
        [Queued, InProgress, Completed, Failed, Idle, WaitingForUser, TimedOut, Cancelled];

    public static bool IsKnown(string? state) => state is not null && All.Contains(state);

    /// <summary>Finished sessions carry <c>completed_at</c> and <c>usage</c>; idle and waiting ones still need a person.</summary>
    public static bool IsFinished(string state) => state is Completed or Failed or TimedOut or Cancelled;
}
