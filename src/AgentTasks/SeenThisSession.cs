using System;
using System.Collections.Generic;
using AgentTasks.Core;
using AgentTasks.Core.CmdletSupport;
using AgentTasks.Core.Models;

namespace AgentTasks;

/// <summary>The tasks, repositories and custom agents the cmdlets have met in this process, newest first, for tab
/// completion: -Id offers the tasks (named in the tooltip), -Repository and -Owner the repositories (the connection's
/// default among them), -CustomAgent the agents. New-CopilotTask records a task as soon as it starts, so that a task
/// started by an interrupted -Wait is one Tab away. Bounded, and holds no token.</summary>
internal static class SeenThisSession
{
    private const int Capacity = 500;
    private static readonly RecentItems<SeenTask> Tasks = new(Capacity, task => task.Id, StringComparer.Ordinal);
    private static readonly RecentItems<string> Repositories = new(Capacity, repository => repository, StringComparer.OrdinalIgnoreCase);

    public static void Task(CopilotTask task)
    {
        Tasks.Remember(new SeenTask(task));
        if (task.Repository is { } repository)
        {
            Repositories.Remember(repository);
        }
    }

    /// <summary>A page of a listing, the last task the newest, as if each had been remembered in turn: one lock for the
    /// page, and a repository once for each run of tasks in it (a repository's listing is one run), rather than an
    /// owner/repo string made and looked up for every task.</summary>
    public static void Page(IReadOnlyList<CopilotTask> tasks)
    {
        var seen = new SeenTask[tasks.Count];
        for (var i = 0; i < seen.Length; i++)
        {
            seen[i] = new SeenTask(tasks[i]);
        }

        Tasks.RememberAll(seen);
        string? owner = null;
        string? repo = null;
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            if (task.Owner is null || task.Repo is null || (task.Owner == owner && task.Repo == repo))
            {
                continue;
            }

            Repositories.Remember(task.Owner + "/" + task.Repo);
            (owner, repo) = (task.Owner, task.Repo);
        }
    }

    public static void Repository(RepositoryName repository) => Repositories.Remember(repository.ToString());

    public static IReadOnlyList<SeenTask> AllTasks() => Tasks.Snapshot();

    public static IReadOnlyList<string> AllRepositories() => Repositories.Snapshot();
}
