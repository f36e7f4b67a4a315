namespace AgentTasks.Core.Wire;

internal sealed class ArtifactDto
{
    public string? Provider { get; set; }
    public string? Type { get; set; }
    public ArtifactDataDto? Data { get; set; }
}

/// <summary>The union of the two documented data shapes: <c>{id, global_id}</c> for a pull request,
/// <c>{head_ref, base_ref}</c> for a branch.</summary>
internal sealed class ArtifactDataDto
{
    public long? Id { get; set; }
    public string? GlobalId { get; set; }
    public string? HeadRef { get; set; }
    public string? BaseRef { get; set; }
}
