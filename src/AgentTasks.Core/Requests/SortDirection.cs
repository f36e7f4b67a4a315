namespace AgentTasks.Core.Requests;

/// <summary>The API's <c>direction</c>.</summary>
public enum SortDirection
{
    Descending,
    Ascending,
}
