using System;
using System.Collections.Generic;
using System.Text.Json;

namespace AgentTasks.Core.Wire;

/// <summary>Reads and writes the API's JSON through the source-generated context. A task is read only with an id
/// that could be asked about again (so that it can be waited for and piped on): a body without one is broken JSON
/// to the sender, which reports it as an invalid response.</summary>
internal static class WireJson
{
    private static TaskListDto WithIds(TaskListDto list)
    {
        foreach (var task in list.Tasks ?? new List<TaskDto?>())
        {
            WithId(task ?? throw new JsonException("The task list holds null where a task should be."));
        }

        return list;
    }

    /// <summary>A task from the UTF-8 bytes of a body, as they came: no string in between.</summary>
    public static TaskDto ReadTask(ReadOnlySpan<byte> utf8) =>
        WithId(JsonSerializer.Deserialize(WithoutBom(utf8), WireJsonContext.Default.TaskDto) ?? throw new JsonException("The body is JSON null, not a task."));

    /// <summary>A page of tasks from the UTF-8 bytes of a body, as they came: no string in between.</summary>
    public static TaskListDto ReadList(ReadOnlySpan<byte> utf8) =>
        WithIds(JsonSerializer.Deserialize(WithoutBom(utf8), WireJsonContext.Default.TaskListDto) ?? throw new JsonException("The body is JSON null, not a task list."));

    /// <summary>A repository (GET /repositories/{id}): its id and names are all that is read.</summary>
    public static IdRefDto ReadRepository(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(WithoutBom(utf8), WireJsonContext.Default.IdRefDto) ?? throw new JsonException("The body is JSON null, not a repository.");

    public static ErrorBodyDto? ReadError(string json) =>
        JsonSerializer.Deserialize(json, WireJsonContext.Default.ErrorBodyDto);

    public static string Write(StartTaskBodyDto body) =>
        JsonSerializer.Serialize(body, WireJsonContext.Default.StartTaskBodyDto);

    private static TaskDto WithId(TaskDto task)
    {
        if (string.IsNullOrEmpty(task.Id))
        {
            throw new JsonException("A task in the body has no id.");
        }

        try
        {
            InputValidator.TaskId(task.Id);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"A task in the body has an id that cannot be asked about: {e.Message}", e);
        }

        return task;
    }

    // A string read of the body dropped a byte order mark; the UTF-8 reader would stop at it.
    internal static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> utf8) =>
        utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? utf8.Slice(3) : utf8;
}
