namespace AgentTasks.Core.Models;

/// <summary>Something a task produced: a pull request (<c>Type</c> "pull") or a branch ("branch").</summary>
public sealed class CopilotTaskArtifact
{
    public string Provider { get; internal set; } = "";
    public string Type { get; internal set; } = "";
    /// <summary>For a pull request: its database id (not its number).</summary>
    public long? PullRequestId { get; internal set; }
    /// <summary>For a pull request: its GraphQL global id.</summary>
    public string? GlobalId { get; internal set; }
    /// <summary>For a branch: the branch the agent works on.</summary>
    public string? HeadRef { get; internal set; }
    /// <summary>For a branch: the branch it is based on.</summary>
    public string? BaseRef { get; internal set; }

    public override string ToString() => Type == "branch" ? $"branch {HeadRef} -> {BaseRef}" : $"{Type} {PullRequestId}";
}
