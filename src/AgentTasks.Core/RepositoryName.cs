using System;

namespace AgentTasks.Core;

/// <summary>An <c>owner/repo</c> pair whose parts hold only characters GitHub allows, so that they can go into a URL path as they are.</summary>
public sealed class RepositoryName : IEquatable<RepositoryName>
{
    public RepositoryName(string owner, string repo)
    {
        Owner = InputValidator.Owner(owner);
        Repo = InputValidator.Repo(repo);
    }

    public string Owner { get; }
    public string Repo { get; }

    /// <summary>Reads <c>owner/repo</c>; the error says what was expected.</summary>
    public static RepositoryName Parse(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A repository is required, as 'owner/repo'.", nameof(value));
        }

        // Not trimmed: "o/r" with a line break after it is a mistake to refuse, not to mend quietly.
        var parts = value.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            // A task id given to -Repository deserves a pointer to -Id. No parameter name in the exception: PowerShell
            // quotes this message whole when it converts text to a RepositoryName itself (see RepositoryTransformation).
            var hint = Guid.TryParse(value, out _) ? " It looks like a task id: give it with -Id." : "";
#pragma warning disable CA2208 // the message is the point; a "(Parameter 'value')" suffix would reach the user
            throw new ArgumentException($"{InputValidator.Shown(value)} is not a repository: expected 'owner/repo', for example 'octocat/hello-world'.{hint}");
#pragma warning restore CA2208
        }
        return new RepositoryName(parts[0], parts[1]);
    }

    /// <summary>The repository named by PowerShell-style parameters: the repository when given, else owner and
    /// repo when either is given (both are then checked), else <paramref name="fallback"/>. Empty counts as not given.</summary>
    public static RepositoryName? FromParameters(RepositoryName? repository, string? owner, string? repo, RepositoryName? fallback)
    {
        if (repository is not null)
        {
            return repository;
        }

        if (!string.IsNullOrEmpty(owner) || !string.IsNullOrEmpty(repo))
        {
            return new RepositoryName(owner!, repo!);
        }

        return fallback;
    }

    public bool Equals(RepositoryName? other) =>
        other is not null
        && string.Equals(Owner, other.Owner, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Repo, other.Repo, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as RepositoryName);

    // GitHub's names are case-insensitive.
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(ToString());

    public override string ToString() => Owner + "/" + Repo;
}
