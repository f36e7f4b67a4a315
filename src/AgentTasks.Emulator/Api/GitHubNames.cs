namespace AgentTasks.Emulator.Api;

/// <summary>Owner and repository names: the characters GitHub allows, checked to the last character (no regular
/// expression, whose <c>$</c> would let a final newline through). A name with any other cannot exist.</summary>
internal static class GitHubNames
{
    private const int MaxLength = 100;

    /// <summary>A login: ASCII letters, digits, '-' and '_' (managed users' <c>_shortcode</c>), starting with a letter or digit.</summary>
    public static bool IsOwner(string? name) =>
        name is { Length: > 0 and <= MaxLength } && IsLetterOrDigit(name[0]) && name.All(c => IsLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A repository: ASCII letters, digits, '.', '-' and '_', but not <c>.</c> or <c>..</c>.</summary>
    public static bool IsRepo(string? name) =>
        name is { Length: > 0 and <= MaxLength } and not ("." or "..") && name.All(c => IsLetterOrDigit(c) || c is '.' or '-' or '_');

    private static bool IsLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);
}
