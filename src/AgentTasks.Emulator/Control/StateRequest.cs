namespace AgentTasks.Emulator.Control;

/// <summary>The body of <c>POST /_emulator/tasks/{id}/state</c>.</summary>
internal sealed record StateRequest(string? State);
