namespace AgentTasks.Emulator.Tasks;

/// <summary>
/// A task's state as a function of time. Timelines are immutable, so a task can switch to a new one
/// (when a test sets its state) while other requests are reading the old one.
/// </summary>
internal abstract record TaskTimeline
{
    public abstract TaskPhase At(DateTimeOffset now);
}
