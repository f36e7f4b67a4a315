namespace AgentTasks.Core.Models;

/// <summary>Something a task produced: a pull request (<c>Type</c> "pull") or a branch ("branch").</summary>
public sealed class CopilotTaskArtifact
{
    public string Provider { get; internal set; } = "";
    public string Type { get; internal set; } = "";
    /// <summary>For a pull request: its database id, which is not its number (the API gives no number).</summary>
    public long? PullRequestDatabaseId { get; internal set; }
    /// <summary>For a pull request: its GraphQL global id (node id).</summary>
    public string? PullRequestGlobalId { get; internal set; }
    /// <summary>For a branch: the branch the agent works on.</summary>
    public string? HeadRef { get; internal set; }
    /// <summary>For a branch: the branch it is based on.</summary>
    public string? BaseRef { get; internal set; }

    /// <summary>What a person reads: "branch head -> base", or "pull request (database id N)", which cannot be
    /// taken for pull request number N.</summary>
    public override string ToString() => Type switch
    {
        "branch" => $"branch {HeadRef} -> {BaseRef}",
        "pull" => $"pull request (database id {PullRequestDatabaseId})",
        _ => Type,
    };
}
