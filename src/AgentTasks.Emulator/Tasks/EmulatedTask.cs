namespace AgentTasks.Emulator.Tasks;

/// <summary>A task and its one session, as the store keeps them.</summary>
internal sealed class EmulatedTask
{
    private TaskTimeline timeline;

    public EmulatedTask(TaskTimeline timeline) => this.timeline = timeline;

    public required string Id { get; init; }

    /// <summary>Creation order, the tie-breaker when two tasks sort equal.</summary>
    public required long Sequence { get; init; }

    public required string Owner { get; init; }
    public required string Repo { get; init; }
    public required long OwnerId { get; init; }
    public required long RepositoryId { get; init; }
    public required long CreatorId { get; init; }
    public required string Prompt { get; init; }
    public required string Name { get; init; }
    public required string Model { get; init; }
    public string? CustomAgent { get; init; }
    public required bool CreatePullRequest { get; init; }
    public required string BaseRef { get; init; }
    public required string HeadRef { get; init; }
    public required string SessionId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>The database id of the pull request a completed task reports when it was asked for one.</summary>
    public required long PullRequestId { get; init; }

    /// <summary>Credits the session uses once finished, in nano units.</summary>
    public required long UsageNanoCredits { get; init; }

    public TaskTimeline Timeline
    {
        get => Volatile.Read(ref timeline);
        set => Volatile.Write(ref timeline, value);
    }

    public TaskPhase PhaseAt(DateTimeOffset now) => Timeline.At(now);

    /// <summary>Owner and repository names are not case sensitive on GitHub.</summary>
    public bool BelongsTo(string owner, string repo) =>
        string.Equals(Owner, owner, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Repo, repo, StringComparison.OrdinalIgnoreCase);
}
