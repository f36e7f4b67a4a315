using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace AgentTasks.Core;

/// <summary>Checks of user input made before any request, each failing with an <see cref="ArgumentException"/>
/// that says what was expected.</summary>
internal static class InputValidator
{
    public const int MinPageSize = 1;
    public const int MaxPageSize = 100;

    // GitHub logins: letters, digits and hyphens, not starting with a hyphen; managed users add "_shortcode".
    private static readonly Regex OwnerPattern = new("^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$", RegexOptions.CultureInvariant);
    private static readonly Regex RepoPattern = new("^[A-Za-z0-9._-]{1,100}$", RegexOptions.CultureInvariant);

    public static string Owner(string? owner)
    {
        if (owner is null || !OwnerPattern.IsMatch(owner))
        {
            throw new ArgumentException(
                $"'{owner}' is not a repository owner: expected a GitHub user or organization name (letters, digits, '-' and '_').", nameof(owner));
        }

        return owner;
    }

    public static string Repo(string? repo)
    {
        if (repo is null || !RepoPattern.IsMatch(repo) || repo == "." || repo == "..")
        {
            throw new ArgumentException(
                $"'{repo}' is not a repository name: expected letters, digits, '.', '-' and '_' (at most 100).", nameof(repo));
        }

        return repo;
    }

    /// <summary>A task id goes into a URL path: no separators, no traversal, no white space or control characters.
    /// It is URL-escaped anyway; this check turns a mistake into a clear error instead of a confusing 404.</summary>
    public static string TaskId(string? taskId)
    {
        if (string.IsNullOrEmpty(taskId))
        {
            throw new ArgumentException("A task id is required.", nameof(taskId));
        }

        if (taskId!.Length > 200 || taskId.Contains("..") || taskId.Any(c => c == '/' || c == '\\' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException(
                $"'{taskId}' is not a task id: expected an id such as 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' (no '/', '..', spaces or control characters).", nameof(taskId));
        }

        return taskId;
    }

    public static string Prompt(string? prompt)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new ArgumentException("The prompt is empty: say what the agent should do.", nameof(prompt));
        }

        return prompt!;
    }

    public static int PageSize(int pageSize)
    {
        if (pageSize < MinPageSize || pageSize > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize,
                $"The page size must be from {MinPageSize} to {MaxPageSize}.");
        }

        return pageSize;
    }
}
