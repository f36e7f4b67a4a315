namespace AgentTasks.Emulator.Tasks;

/// <summary>The state a task is in at some moment, and since when (its <c>updated_at</c>).</summary>
internal readonly record struct TaskPhase(string State, DateTimeOffset Since);
