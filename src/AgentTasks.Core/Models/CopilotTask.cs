using System;
using System.Collections.Generic;

namespace AgentTasks.Core.Models;

/// <summary>A Copilot cloud agent task. Flattened from the API's payload: ids of nested objects become
/// <c>...Id</c> properties, and the repository's owner and name are carried when known so that the
/// object can be passed back to the cmdlets by property name.</summary>
public sealed class CopilotTask
{
    public string Id { get; internal set; } = "";
    public string? Name { get; internal set; }
    public CopilotTaskState State => TaskStates.Parse(StateValue);
    /// <summary>The state exactly as the API sent it, kept for states newer than this module.</summary>
    public string StateValue { get; internal set; } = "";
    public string? Owner { get; internal set; }
    public string? Repo { get; internal set; }
    /// <summary><c>owner/repo</c>, or null when the API did not say which repository.</summary>
    public string? Repository => Owner is null || Repo is null ? null : Owner + "/" + Repo;
    public long? RepositoryId { get; internal set; }
    public long? OwnerId { get; internal set; }
    public long? CreatorId { get; internal set; }
    public string? CreatorType { get; internal set; }
    public int? SessionCount { get; internal set; }
    public string? CustomAgent { get; internal set; }
    public DateTimeOffset CreatedAt { get; internal set; }
    public DateTimeOffset? UpdatedAt { get; internal set; }
    public DateTimeOffset? ArchivedAt { get; internal set; }
    public bool IsArchived => ArchivedAt is not null;
    public bool IsRunning => TaskStates.IsRunning(State);
    public string? Url { get; internal set; }
    public string? HtmlUrl { get; internal set; }
    public IReadOnlyList<CopilotTaskArtifact> Artifacts { get; internal set; } = Array.Empty<CopilotTaskArtifact>();
    /// <summary>Filled only by the single-task GETs; list items never carry sessions.</summary>
    public IReadOnlyList<CopilotTaskSession> Sessions { get; internal set; } = Array.Empty<CopilotTaskSession>();

    public override string ToString() => Id;
}
