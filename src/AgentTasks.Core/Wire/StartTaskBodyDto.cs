namespace AgentTasks.Core.Wire;

internal sealed class StartTaskBodyDto
{
    public string Prompt { get; set; } = "";
    public string? Model { get; set; }
    public string? CustomAgent { get; set; }
    public bool? CreatePullRequest { get; set; }
    public string? BaseRef { get; set; }
    public string? HeadRef { get; set; }
}
