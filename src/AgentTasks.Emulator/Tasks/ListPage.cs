namespace AgentTasks.Emulator.Tasks;

/// <summary>One page of an unfiltered list, and the totals of the scope it was cut from.</summary>
internal sealed record ListPage(IReadOnlyList<EmulatedTask> Tasks, int ActiveCount, int ArchivedCount);
