using System.Collections.Generic;

namespace AgentTasks.Core.Wire;

internal sealed class TaskListDto
{
    public List<TaskDto?>? Tasks { get; set; }
    public int? TotalActiveCount { get; set; }
    public int? TotalArchivedCount { get; set; }
}
