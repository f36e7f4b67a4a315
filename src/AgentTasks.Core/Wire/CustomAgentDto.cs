namespace AgentTasks.Core.Wire;

internal sealed class CustomAgentDto
{
    public string? Id { get; set; }
}
