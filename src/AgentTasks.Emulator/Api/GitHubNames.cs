using System.Text.RegularExpressions;

namespace AgentTasks.Emulator.Api;

/// <summary>Owner and repository names: the characters GitHub allows. A name with any other cannot exist.</summary>
internal static partial class GitHubNames
{
    public static bool IsValid(string? name) => name is not null && Name().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex Name();
}
