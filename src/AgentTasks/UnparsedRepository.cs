using System.Runtime.CompilerServices;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>What Get-CopilotTask's -Repository was given that is no <c>owner/repo</c> but may be a task id (see
/// <see cref="RepositoryTransformationAttribute.LeavesTaskIds"/>). By position, PowerShell cannot bind it to
/// -Repository unconverted, and it goes to -Id. Given to -Repository by name or from the pipeline, PowerShell converts
/// it (the implicit operator) into a stand-in RepositoryName, which the cmdlet refuses with the module's own message
/// before any request: a piped value PowerShell cannot convert at all would be dropped without a word.</summary>
internal sealed class UnparsedRepository
{
    // The stand-ins made, each with what it stands in for; a stand-in is never used as a repository.
    private static readonly ConditionalWeakTable<RepositoryName, UnparsedRepository> StandIns = new();

    public UnparsedRepository(string text) => Text = text;

    public string Text { get; }

    public static implicit operator RepositoryName(UnparsedRepository unparsed) => unparsed.ToRepositoryName();

    public RepositoryName ToRepositoryName()
    {
        var standIn = new RepositoryName("unparsed", "repository");
        StandIns.Add(standIn, this);
        return standIn;
    }

    /// <summary>Fails, with RepositoryName.Parse's message, when <paramref name="repository"/> is a stand-in.</summary>
    public static void ThrowIfStandIn(RepositoryName? repository)
    {
        if (repository is not null && StandIns.TryGetValue(repository, out var unparsed))
        {
            RepositoryName.Parse(unparsed.Text);
        }
    }

    public override string ToString() => Text;
}
