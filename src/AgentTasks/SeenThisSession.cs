using System;
using System.Collections.Generic;
using System.Linq;
using AgentTasks.Core;
using AgentTasks.Core.Models;

namespace AgentTasks;

/// <summary>The tasks, repositories and custom agents the cmdlets have met in this process, newest first, for tab
/// completion: -Id offers the tasks (named in the tooltip), -Repository and -Owner the repositories (the connection's
/// default among them), -CustomAgent the agents. New-CopilotTask records a task as soon as it starts, so that a task
/// started by an interrupted -Wait is one Tab away. Bounded, and holds no token.</summary>
internal static class SeenThisSession
{
    private const int Capacity = 500;
    private static readonly LinkedList<CopilotTask> Tasks = new();
    private static readonly LinkedList<string> Repositories = new();

    public static void Task(CopilotTask task)
    {
        lock (Tasks)
        {
            Remember(Tasks, task, t => t.Id == task.Id);
        }

        if (task.Repository is { } repository)
        {
            Repository(repository);
        }
    }

    public static void Repository(RepositoryName repository) => Repository(repository.ToString());

    public static IReadOnlyList<CopilotTask> AllTasks()
    {
        lock (Tasks)
        {
            return Tasks.ToArray();
        }
    }

    public static IReadOnlyList<string> AllRepositories()
    {
        lock (Repositories)
        {
            return Repositories.ToArray();
        }
    }

    private static void Repository(string repository)
    {
        lock (Repositories)
        {
            Remember(Repositories, repository, r => string.Equals(r, repository, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static void Remember<T>(LinkedList<T> list, T item, Func<T, bool> same)
    {
        for (var node = list.First; node is not null; node = node.Next)
        {
            if (same(node.Value))
            {
                list.Remove(node);
                break;
            }
        }

        list.AddFirst(item);
        if (list.Count > Capacity)
        {
            list.RemoveLast();
        }
    }
}
