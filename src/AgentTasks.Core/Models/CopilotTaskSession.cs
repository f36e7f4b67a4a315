using System;

namespace AgentTasks.Core.Models;

/// <summary>One run of the agent within a task; a task's state is that of its newest session.</summary>
public sealed class CopilotTaskSession
{
    // Not "Id": piped into Get-/Wait-CopilotTask, a session binds its TaskId (through the parameters' TaskId alias),
    // which an "Id" property would shadow.
    public string SessionId { get; internal set; } = "";
    public string? TaskId { get; internal set; }
    public string? Name { get; internal set; }
    public CopilotTaskState State => TaskStates.Parse(StateValue);
    public string StateValue { get; internal set; } = "";
    public long? UserId { get; internal set; }
    public long? OwnerId { get; internal set; }
    public long? RepositoryId { get; internal set; }
    public string? Prompt { get; internal set; }
    public string? Model { get; internal set; }
    public string? HeadRef { get; internal set; }
    public string? BaseRef { get; internal set; }
    public DateTimeOffset CreatedAt { get; internal set; }
    public DateTimeOffset? UpdatedAt { get; internal set; }
    public DateTimeOffset? CompletedAt { get; internal set; }
    public CopilotTaskUsage? Usage { get; internal set; }
    /// <summary>Why the session failed, when it did.</summary>
    public string? ErrorMessage { get; internal set; }

    public override string ToString() => SessionId;
}
