namespace AgentTasks.Emulator.Control;

/// <summary>The body of <c>POST /_emulator/seed</c>.</summary>
internal sealed record SeedRequest(
    string? Owner, string? Repo, int Count, string? State, bool Archived, long? CreatorId, string? Prompt);
