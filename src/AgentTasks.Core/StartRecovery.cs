using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Models;
using AgentTasks.Core.Requests;

namespace AgentTasks.Core;

/// <summary>Resolves a start whose answer leaves open whether GitHub acted on it (a timeout, a broken connection, a
/// 5xx, an unreadable 201): it looks for the task among the repository's tasks created since just before the
/// request, by the name GitHub gives it (the prompt's first line, maybe shortened). Exactly one such task that
/// this client has not returned yet is the one started; none, or more than one, is reported as unconfirmed rather
/// than guessed, so that a script neither loses nor doubles a task without being told.</summary>
internal sealed class StartRecovery
{
    // GitHub's clock and ours differ: a task created a little "before" the request may still be its task.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);
    private readonly CopilotTaskClient client;
    private readonly HashSet<string> returned = new(StringComparer.Ordinal);

    public StartRecovery(CopilotTaskClient client)
    {
        this.client = client;
    }

    /// <summary>Remembers a task this client has returned, so that a later recovery does not return it again.</summary>
    public void Returned(CopilotTask task)
    {
        lock (returned)
        {
            returned.Add(task.Id);
        }
    }

    public async Task<CopilotTask> RecoverAsync(RepositoryName repository, StartTaskRequest request, DateTimeOffset asked, CopilotException failure, CancellationToken cancellationToken)
    {
        var since = asked - ClockSkew;
        var candidates = new List<CopilotTask>();
        try
        {
            var listing = client.ListRepositoryTasks(repository, new RepositoryTaskQuery { Since = since, Sort = TaskSortField.CreatedAt, First = 100 });
            for (var page = await listing.NextPageAsync(cancellationToken).ConfigureAwait(false); page is not null; page = await listing.NextPageAsync(cancellationToken).ConfigureAwait(false))
            {
                candidates.AddRange(page);
            }
        }
        catch (CopilotException lookup)
        {
            throw ErrorTable.StartUnconfirmed(failure, repository, $"Looking for the task failed too ({lookup.Message})");
        }

        List<CopilotTask> matches;
        lock (returned)
        {
            matches = candidates.Where(t => t.CreatedAt >= since && IsNamedFor(t.Name, request.Prompt) && !returned.Contains(t.Id)).ToList();
            if (matches.Count == 1)
            {
                returned.Add(matches[0].Id);
                return matches[0];
            }
        }
        throw ErrorTable.StartUnconfirmed(failure, repository, matches.Count == 0
            ? "No task for this prompt was found among the repository's tasks created since just before the request"
            : $"{matches.Count} tasks could be this one ({string.Join(", ", matches.Select(t => t.Id))}), so none is taken for it");
    }

    /// <summary>GitHub names a task after the first line of its prompt, shortened when long.</summary>
    internal static bool IsNamedFor(string? name, string prompt)
    {
        var firstLine = prompt.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";
        var shortened = (name ?? "").Trim().TrimEnd('…').TrimEnd();
        return shortened.Length > 0 && firstLine.StartsWith(shortened, StringComparison.Ordinal);
    }
}
