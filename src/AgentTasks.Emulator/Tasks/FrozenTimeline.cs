namespace AgentTasks.Emulator.Tasks;

/// <summary>A state set by a seed or by a test, kept for ever.</summary>
internal sealed record FrozenTimeline(string State, DateTimeOffset Since) : TaskTimeline
{
    public override TaskPhase At(DateTimeOffset now) => new(State, Since);
}
