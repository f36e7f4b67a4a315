using System.Text;
using AgentTasks.Core.Wire;

namespace AgentTasks.Tests.Support;

/// <summary>Payload text read the way the client reads a body: as its UTF-8 bytes.</summary>
internal static class TestJson
{
    public static TaskDto ReadTask(string json) => WireJson.ReadTask(Encoding.UTF8.GetBytes(json));

    public static TaskListDto ReadList(string json) => WireJson.ReadList(Encoding.UTF8.GetBytes(json));
}
