namespace AgentTasks.Core.Waiting;

/// <summary>A task to wait for: its id, and its repository when known (which allows one list request for many tasks).</summary>
internal sealed class WaitTarget
{
    public WaitTarget(string id, RepositoryName? repository = null)
    {
        Id = InputValidator.TaskId(id);
        Repository = repository;
    }

    public string Id { get; }
    public RepositoryName? Repository { get; }
}
