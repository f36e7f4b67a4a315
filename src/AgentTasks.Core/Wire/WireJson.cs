using System.Text.Json;

namespace AgentTasks.Core.Wire;

/// <summary>Reads and writes the API's JSON through the source-generated context.</summary>
internal static class WireJson
{
    public static TaskDto ReadTask(string json) =>
        JsonSerializer.Deserialize(json, WireJsonContext.Default.TaskDto) ?? throw new JsonException("The body is JSON null, not a task.");

    public static TaskListDto ReadList(string json) =>
        JsonSerializer.Deserialize(json, WireJsonContext.Default.TaskListDto) ?? throw new JsonException("The body is JSON null, not a task list.");

    public static ErrorBodyDto? ReadError(string json) =>
        JsonSerializer.Deserialize(json, WireJsonContext.Default.ErrorBodyDto);

    public static string Write(StartTaskBodyDto body) =>
        JsonSerializer.Serialize(body, WireJsonContext.Default.StartTaskBodyDto);
}
