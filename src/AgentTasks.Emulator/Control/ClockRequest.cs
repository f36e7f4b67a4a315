namespace AgentTasks.Emulator.Control;

/// <summary>The body of <c>POST /_emulator/clock</c>; absent values are left as they are.</summary>
internal sealed record ClockRequest(double? QueuedSeconds, double? RunningSeconds, double? TimeScale);
