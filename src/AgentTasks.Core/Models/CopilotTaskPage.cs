using System.Collections.Generic;

namespace AgentTasks.Core.Models;

/// <summary>One page of a task listing. Tasks already seen on an earlier page of the same listing are left out.</summary>
public sealed class CopilotTaskPage
{
    internal CopilotTaskPage(int number, IReadOnlyList<CopilotTask> tasks, int? totalActiveCount, int? totalArchivedCount)
    {
        Number = number;
        Tasks = tasks;
        TotalActiveCount = totalActiveCount;
        TotalArchivedCount = totalArchivedCount;
    }

    /// <summary>1 for the first page fetched, 2 for the next, and so on.</summary>
    public int Number { get; }
    public IReadOnlyList<CopilotTask> Tasks { get; }
    public int? TotalActiveCount { get; }
    public int? TotalArchivedCount { get; }
}
