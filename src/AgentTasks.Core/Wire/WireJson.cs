using System;
using System.Text.Json;

namespace AgentTasks.Core.Wire;

/// <summary>Reads and writes the API's JSON through the source-generated context.</summary>
internal static class WireJson
{
    public static TaskDto ReadTask(string json) =>
        JsonSerializer.Deserialize(json, WireJsonContext.Default.TaskDto) ?? throw new JsonException("The body is JSON null, not a task.");

    public static TaskListDto ReadList(string json) =>
        JsonSerializer.Deserialize(json, WireJsonContext.Default.TaskListDto) ?? throw new JsonException("The body is JSON null, not a task list.");

    /// <summary>A task from the UTF-8 bytes of a body, as they came: no string in between.</summary>
    public static TaskDto ReadTask(byte[] utf8) =>
        JsonSerializer.Deserialize(WithoutBom(utf8), WireJsonContext.Default.TaskDto) ?? throw new JsonException("The body is JSON null, not a task.");

    /// <summary>A page of tasks from the UTF-8 bytes of a body, as they came: no string in between.</summary>
    public static TaskListDto ReadList(byte[] utf8) =>
        JsonSerializer.Deserialize(WithoutBom(utf8), WireJsonContext.Default.TaskListDto) ?? throw new JsonException("The body is JSON null, not a task list.");

    public static ErrorBodyDto? ReadError(string json) =>
        JsonSerializer.Deserialize(json, WireJsonContext.Default.ErrorBodyDto);

    public static string Write(StartTaskBodyDto body) =>
        JsonSerializer.Serialize(body, WireJsonContext.Default.StartTaskBodyDto);

    // A string read of the body dropped a byte order mark; the UTF-8 reader would stop at it.
    private static ReadOnlySpan<byte> WithoutBom(byte[] utf8) =>
        utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? utf8.AsSpan(3) : utf8;
}
