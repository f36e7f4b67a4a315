namespace AgentTasks.Core.Wire;

/// <summary>A reference to a user, owner or repository. The documented shape is <c>{id}</c>; live payloads
/// reportedly carry more (<c>full_name</c>, <c>login</c>, <c>name</c>), which we use when present.</summary>
internal sealed class IdRefDto
{
    public long? Id { get; set; }
    public string? Login { get; set; }
    public string? Name { get; set; }
    public string? FullName { get; set; }
}
