using AgentTasks.Core.Models;

namespace AgentTasks;

/// <summary>What tab completion shows of a task met this session. Kept instead of the task: a listing remembers every
/// task it writes, and a task held until 500 newer ones push it out outlives the garbage collector's youngest
/// generation with its URLs and artifacts (about 1 KB); this holds the task's own id and name strings, and no more.</summary>
internal sealed class SeenTask
{
    public SeenTask(CopilotTask task)
    {
        Id = task.Id;
        Name = task.Name;
        StateValue = task.StateValue;
        Owner = task.Owner;
        Repo = task.Repo;
        CustomAgent = task.CustomAgent;
    }

    public string Id { get; }
    public string? Name { get; }
    public string StateValue { get; }
    public string? Owner { get; }
    public string? Repo { get; }
    public string? CustomAgent { get; }
    public string? Repository => Owner is null || Repo is null ? null : Owner + "/" + Repo;
}
