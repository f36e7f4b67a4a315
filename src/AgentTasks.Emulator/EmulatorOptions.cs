namespace AgentTasks.Emulator;

/// <summary>How the emulator's tasks move through their states.</summary>
public sealed class EmulatorOptions
{
    /// <summary>How long a new task stays <c>queued</c>, in emulator time.</summary>
    public TimeSpan QueuedFor { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a task then stays <c>in_progress</c> before its ending, in emulator time.</summary>
    public TimeSpan RunningFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The emulator's clock runs this many times faster than real time (both durations divide by it).</summary>
    public double TimeScale { get; set; } = 1;
}
