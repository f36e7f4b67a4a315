namespace AgentTasks.Emulator.Tasks;

/// <summary>The normal life of a started task: queued, then in progress, then its ending.</summary>
internal sealed record ScheduledTimeline(DateTimeOffset CreatedAt, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Ending)
    : TaskTimeline
{
    public override TaskPhase At(DateTimeOffset now)
    {
        // An ending of queued or in_progress means the task never leaves that state.
        if (now < StartsAt || Ending == StateNames.Queued)
        {
            return new TaskPhase(StateNames.Queued, CreatedAt);
        }

        if (now < EndsAt || Ending == StateNames.InProgress)
        {
            return new TaskPhase(StateNames.InProgress, StartsAt);
        }

        return new TaskPhase(Ending, EndsAt);
    }
}
