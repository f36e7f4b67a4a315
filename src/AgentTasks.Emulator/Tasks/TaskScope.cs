namespace AgentTasks.Emulator.Tasks;

/// <summary>What one list shows: a repository's tasks, or a creator's across repositories.</summary>
internal readonly record struct TaskScope(string? Repository, long CreatorId)
{
    /// <summary>Owner and repository names are not case sensitive on GitHub, so the key is in one case.</summary>
    public static TaskScope Of(string owner, string repo) => new($"{owner}/{repo}".ToUpperInvariant(), 0);

    public static TaskScope Of(long creatorId) => new(null, creatorId);
}
