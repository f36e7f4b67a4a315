using System;

namespace AgentTasks.Core.Waiting;

/// <summary>A task to wait for: its id, its repository when known (which allows one list request for many tasks),
/// and when it was last updated, when the caller has seen it (a piped task): tasks of one repository are then
/// polled with one list request from the first round.</summary>
internal sealed class WaitTarget
{
    public WaitTarget(string id, RepositoryName? repository = null, DateTimeOffset? updatedAt = null)
    {
        Id = InputValidator.TaskId(id);
        Repository = repository;
        UpdatedAt = updatedAt;
    }

    public string Id { get; }
    public RepositoryName? Repository { get; }
    public DateTimeOffset? UpdatedAt { get; }
}
