namespace AgentTasks.Core.Requests;

/// <summary>The field a listing is sorted by (the API's <c>sort</c>).</summary>
public enum TaskSortField
{
    UpdatedAt,
    CreatedAt,
}
