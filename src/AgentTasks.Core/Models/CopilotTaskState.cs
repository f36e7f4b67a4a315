namespace AgentTasks.Core.Models;

/// <summary>The state of a task or a session. <see cref="Unknown"/> stands for a value this version does not know yet
/// (the API is in preview); the wire value itself is kept beside it, in <c>StateValue</c>.</summary>
public enum CopilotTaskState
{
    Unknown = 0,
    Queued,
    InProgress,
    Completed,
    Failed,
    Idle,
    WaitingForUser,
    TimedOut,
    Cancelled,
}
