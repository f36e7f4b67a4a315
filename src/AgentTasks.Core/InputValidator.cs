using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AgentTasks.Core;

/// <summary>Checks of user input made before any request, each failing with an <see cref="ArgumentException"/>
/// that says what was expected. No regular expressions: <c>$</c> also matches before a final newline, and
/// <c>\d</c> accepts every script's digits; each check names the ASCII characters it allows.</summary>
internal static class InputValidator
{
    public const int MinPageSize = 1;
    public const int MaxPageSize = 100;
    private const int MaxNameLength = 100;
    private const int MaxTaskIdLength = 200;
    private const int MaxShownLength = 60;

    /// <summary>GitHub logins: ASCII letters, digits and hyphens, not starting with a hyphen; managed users add "_shortcode".</summary>
    public static string Owner(string? owner)
    {
        if (owner is null || owner.Length is 0 or > MaxNameLength || !IsAsciiLetterOrDigit(owner[0]) || !owner.All(c => IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException(
                $"{Shown(owner)} is not a repository owner: expected a GitHub user or organization name (ASCII letters, digits, '-' and '_').", nameof(owner));
        }

        return owner;
    }

    public static string Repo(string? repo)
    {
        if (repo is null || repo.Length is 0 or > MaxNameLength || repo is "." or ".." || !repo.All(c => IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ArgumentException(
                $"{Shown(repo)} is not a repository name: expected ASCII letters, digits, '.', '-' and '_' (at most {MaxNameLength}).", nameof(repo));
        }

        return repo;
    }

    /// <summary>A task id goes into a URL path: ASCII letters, digits, '-', '_' and '.' (what GitHub's UUID-like ids
    /// are made of), and no dot segment. So nothing that ends or escapes a path segment ('/', '\', '%', '?', '#') gets
    /// in, nor a look-alike letter, nor an object PowerShell bound as its text (<c>@{Id=12}</c>): a mistake is a clear
    /// error instead of a request for another URL (<c>.</c> is the list endpoint) or a confusing 404.</summary>
    public static string TaskId(string? taskId)
    {
        if (string.IsNullOrEmpty(taskId))
        {
            throw new ArgumentException("A task id is required.", nameof(taskId));
        }

        if (!IsTaskId(taskId))
        {
            throw new ArgumentException(
                $"{Shown(taskId)} is not a task id: expected an id such as 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' " +
                "(ASCII letters, digits, '-', '_' and '.', but not '..').", nameof(taskId));
        }

        return taskId!;
    }

    /// <summary>Whether <see cref="TaskId"/> would take <paramref name="text"/>. A task id never holds '/' and a
    /// repository always does, which is how Get-CopilotTask tells its positional argument apart.</summary>
    public static bool IsTaskId(string? text)
    {
        if (string.IsNullOrEmpty(text) || text!.Length > MaxTaskIdLength || text == "." || text.Contains(".."))
        {
            return false;
        }

        // A loop, not LINQ: every task of every page read is checked.
        foreach (var c in text)
        {
            if (!IsTaskIdCharacter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An X-GitHub-Api-Version: a real date, yyyy-MM-dd in ASCII digits.</summary>
    public static string ApiVersion(string? version)
    {
        if (version is null || version.Length != 10 || !version.Select((c, i) => i is 4 or 7 ? c == '-' : c is >= '0' and <= '9').All(ok => ok)
            || !DateTime.TryParseExact(version, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new ArgumentException(
                $"{Shown(version)} is not an API version: expected a date such as {CopilotClientOptions.DefaultApiVersion} (yyyy-MM-dd).", nameof(version));
        }

        return version;
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

    /// <summary>A refused value as a message shows it: quoted, every character outside printable ASCII written as
    /// <c>\uXXXX</c> (so that a look-alike letter is visible, and a terminal escape or a newline is not acted on), and cut
    /// short when long.</summary>
    internal static string Shown(string? value)
    {
        if (value is null)
        {
            return "(nothing)";
        }

        var text = new StringBuilder("'");
        foreach (var c in value.Length > MaxShownLength ? value.Substring(0, MaxShownLength) : value)
        {
            text.Append(c is >= ' ' and <= '~' ? c.ToString() : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        text.Append(value.Length > MaxShownLength ? $"...' ({value.Length} characters)" : "'");
        return text.ToString();
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool IsTaskIdCharacter(char c) => IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
