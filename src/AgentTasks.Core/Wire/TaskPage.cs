using System;
using System.Collections.Generic;
using System.Text.Json;
using AgentTasks.Core.Models;

namespace AgentTasks.Core.Wire;

/// <summary>One page of a task list, read into the models a listing returns, and the envelope's counts.</summary>
internal sealed class TaskPage
{
    public TaskPage(List<CopilotTask> tasks, int? totalActiveCount, int? totalArchivedCount)
    {
        Tasks = tasks;
        TotalActiveCount = totalActiveCount;
        TotalArchivedCount = totalArchivedCount;
    }

    public List<CopilotTask> Tasks { get; }
    public int? TotalActiveCount { get; }
    public int? TotalArchivedCount { get; }

    /// <summary>
    /// A page from the UTF-8 bytes of a body. Listing is where the time goes (a hundred tasks a page, page after page),
    /// so a page of the usual shape is read in one pass straight into the models (<see cref="TaskPageReader"/>); any
    /// other body (a value of an unexpected type, sessions on a list item, a task the rules refuse, broken JSON) is read
    /// by the source-generated <see cref="WireJson.ReadList"/> and <see cref="TaskMapper"/>, which decide what the
    /// payload means and how a bad one fails. The two give the same tasks (tested).
    /// </summary>
    public static TaskPage Read(ReadOnlySpan<byte> utf8, RepositoryName? knownRepository)
    {
        try
        {
            if (TaskPageReader.TryRead(utf8, knownRepository) is { } page)
            {
                return page;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            // Whatever the quick pass trips on, the full reader says how it fails.
        }

        return ReadFully(utf8, knownRepository);
    }

    /// <summary>The page as the source-generated reader and the mapper make it: what the quick pass must match.</summary>
    internal static TaskPage ReadFully(ReadOnlySpan<byte> utf8, RepositoryName? knownRepository)
    {
        var list = WireJson.ReadList(utf8);
        var tasks = new List<CopilotTask>(list.Tasks?.Count ?? 0);
        foreach (var task in list.Tasks ?? new List<TaskDto?>())
        {
            // WireJson has refused a list with a null item or one without an id.
            tasks.Add(TaskMapper.ToTask(task!, knownRepository));
        }

        return new TaskPage(tasks, list.TotalActiveCount, list.TotalArchivedCount);
    }
}
