using System.Text;
using System.Text.Json;
using AgentTasks.Core.Wire;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Core;

/// <summary>Bodies are read as the UTF-8 bytes that came, a byte order mark and all.</summary>
public class Utf8PayloadTests
{
    // By index, not by text: two payloads begin alike, and xunit, naming a case by its truncated text, would run one
    // of them only ("Skipping test case with duplicate ID").
    public static TheoryData<int> Payloads() => [.. Enumerable.Range(0, SeedPayloads.All.Count)];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void WithOrWithoutAByteOrderMarkAPayloadReadsAlike(int payload)
    {
        var json = SeedPayloads.All[payload];
        var bytes = Encoding.UTF8.GetBytes(json);
        var marked = Encoding.UTF8.GetPreamble().Concat(bytes).ToArray();
        if (json.Contains("\"tasks\"", StringComparison.Ordinal))
        {
            Assert.Equal(Ids(WireJson.ReadList(bytes)), Ids(WireJson.ReadList(marked)));
        }
        else
        {
            Assert.Equal(WireJson.ReadTask(bytes).Id, WireJson.ReadTask(marked).Id);
        }
    }

    [Fact]
    public void AByteOrderMarkIsSkippedAsAStringReadWould()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"id":"t1","state":"queued"}""")).ToArray();

        Assert.Equal("t1", WireJson.ReadTask(bytes).Id);
    }

    [Theory]
    [InlineData("""{"id":"t1","sta""")]
    [InlineData("null")]
    public void BadBytesAreAJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => WireJson.ReadTask(Encoding.UTF8.GetBytes(json)));

    private static string?[] Ids(TaskListDto list) => [.. list.Tasks!.Select(t => t!.Id)];
}
