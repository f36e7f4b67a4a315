namespace AgentTasks.Core.Requests;

/// <summary>A listing of the authenticated user's tasks across repositories (GET /agents/tasks).</summary>
public sealed class UserTaskQuery : TaskQuery
{
}
