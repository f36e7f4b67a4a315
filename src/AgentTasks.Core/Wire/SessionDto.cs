using System;

namespace AgentTasks.Core.Wire;

internal sealed class SessionDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public IdRefDto? User { get; set; }
    public IdRefDto? Owner { get; set; }
    public IdRefDto? Repository { get; set; }
    public string? TaskId { get; set; }
    public string? State { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Prompt { get; set; }
    public string? HeadRef { get; set; }
    public string? BaseRef { get; set; }
    public string? Model { get; set; }
    public UsageDto? Usage { get; set; }
    public SessionErrorDto? Error { get; set; }
}

internal sealed class UsageDto
{
    public string? Type { get; set; }
    public double? Amount { get; set; }
}

internal sealed class SessionErrorDto
{
    public string? Message { get; set; }
}
