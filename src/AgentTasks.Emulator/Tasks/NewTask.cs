namespace AgentTasks.Emulator.Tasks;

/// <summary>What a start-a-task request asks for, already validated.</summary>
internal sealed record NewTask(
    string Prompt,
    string? Model = null,
    string? CustomAgent = null,
    bool CreatePullRequest = false,
    string? BaseRef = null,
    string? HeadRef = null);
