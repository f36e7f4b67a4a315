using System;
using System.Collections.Generic;

namespace AgentTasks.Core.Wire;

// Wire shapes follow ../shared/openapi exactly; every member is optional so that an absent, null or
// newer field never fails a read (the API is in preview). Unknown fields are ignored by System.Text.Json.
internal sealed class TaskDto
{
    public string? Id { get; set; }
    public string? Url { get; set; }
    public string? HtmlUrl { get; set; }
    public string? Name { get; set; }
    public IdRefDto? Creator { get; set; }
    public string? CreatorType { get; set; }
    public IdRefDto? Owner { get; set; }
    public IdRefDto? Repository { get; set; }
    public string? State { get; set; }
    public int? SessionCount { get; set; }
    public List<ArtifactDto?>? Artifacts { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public CustomAgentDto? CustomAgent { get; set; }
    public List<SessionDto?>? Sessions { get; set; }
}
