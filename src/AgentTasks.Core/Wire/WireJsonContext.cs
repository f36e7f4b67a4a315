using System.Text.Json.Serialization;

namespace AgentTasks.Core.Wire;

// Source-generated: no reflection at run time, which also keeps Windows PowerShell 5.1 start-up cheap.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TaskDto))]
[JsonSerializable(typeof(TaskListDto))]
[JsonSerializable(typeof(ErrorBodyDto))]
[JsonSerializable(typeof(StartTaskBodyDto))]
[JsonSerializable(typeof(IdRefDto))]
internal sealed partial class WireJsonContext : JsonSerializerContext
{
}
