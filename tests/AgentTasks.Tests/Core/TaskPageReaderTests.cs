using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTasks.Core;
using AgentTasks.Core.Wire;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Core;

/// <summary>A list page read in one pass straight into the models gives what the source-generated reader and the
/// mapper give; whatever that pass does not expect is left to them, so that it reads and fails the same way.</summary>
public class TaskPageReaderTests
{
    private static readonly RepositoryName Known = new("octo-org", "hello-world");

    private const string Usual = """
        {"tasks":[
          {"id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","url":"https://api.github.com/agents/repos/octo-org/hello-world/tasks/a1b2c3d4-e5f6-7890-abcd-ef1234567890",
           "html_url":"https://github.com/octo-org/hello-world/copilot/tasks/a1b2c3d4-e5f6-7890-abcd-ef1234567890","name":"Fix the \u00e9 login",
           "creator":{"id":1},"creator_type":"user","owner":{"id":1001},"repository":{"id":100001,"full_name":"octo-org/hello-world"},
           "state":"completed","session_count":1,
           "artifacts":[{"provider":"github","type":"branch","data":{"head_ref":"copilot/fix","base_ref":"main"}},null,
                        {"provider":"github","type":"pull","data":{"id":42,"global_id":"PR_kw"}}],
           "archived_at":null,"created_at":"2026-01-02T03:04:05Z","updated_at":"2026-01-02T03:05:05.123+02:00","custom_agent":{"id":"perf"},
           "sessions":null,"future_field":{"nested":[1,2,{"x":null}]}},
          {"id":"t2","state":"in_progress","artifacts":[],"creator_type":"organization","repository":{"id":7,"name":"w","login":"o"}},
          {"id":"t3","state":"brand_new_state","creator":null,"owner":null,"repository":null,"artifacts":null,"custom_agent":null,
           "session_count":null,"archived_at":"2026-03-01T00:00:00Z","created_at":null,"updated_at":null,"name":null,"url":null,"html_url":null}
        ],"total_active_count":3,"total_archived_count":1,"extra":"ignored"}
        """;

    public static TheoryData<string> UsualPages() => new()
    {
        Usual,
        SeedPayloads.ListForRepository,
        SeedPayloads.ListForUser,
        """{"tasks":[]}""",
        """{"tasks":null,"total_active_count":null}""",
        "{}",
        // The last of a repeated member wins, as in the full reader.
        """{"tasks":[{"id":"t1","state":"failed","state":"completed","repository":{"id":1,"full_name":"a/b"},"repository":{"id":2}}],"tasks":[{"id":"t9"}]}""",
        // Escaped names and values.
        """{"t\u0061sks":[{"\u0069d":"t1","state":"c\u006fmpleted","name":"line\nbreak \ud83d\ude80"}]}""",
        "\uFEFF" + """{"tasks":[{"id":"bom"}]}""",
    };

    public static TheoryData<string> UnusualPages() => new()
    {
        // A number in a string: the context allows it, the quick pass leaves it.
        """{"tasks":[{"id":"t1","session_count":"3","repository":{"id":"5"}}],"total_active_count":"1"}""",
        // Sessions on a list item are mapped by the full reader.
        """{"tasks":[{"id":"t1","sessions":[{"id":"s1","state":"completed","created_at":"2026-01-02T03:04:05Z"}]}]}""",
        """{"tasks":[{"id":"t1","sessions":[]}]}""",
        // A date only the full reader can judge.
        """{"tasks":[{"id":"t1","created_at":"yesterday"}]}""",
        // Values of another type than the wire shape's.
        """{"tasks":[{"id":"t1","name":5}]}""",
        """{"tasks":[{"id":"t1","repository":{"login":true}}]}""",
        """{"tasks":[{"id":"t1","artifacts":{"provider":"github"}}]}""",
        """{"tasks":[{"id":"t1","artifacts":[5]}]}""",
        """{"tasks":[{"id":"t1","session_count":1.5}]}""",
        """{"tasks":[{"id":"t1","creator":{"id":99999999999999999999}}]}""",
        """{"tasks":{"id":"t1"}}""",
        // What WireJson refuses: a null task, a task without an id, an id that cannot be asked about.
        """{"tasks":[null]}""",
        """{"tasks":[{"state":"completed"}]}""",
        """{"tasks":[{"id":""}]}""",
        """{"tasks":[{"id":"../x"}]}""",
        // Not a list at all, or broken JSON.
        "null",
        "[]",
        """{"tasks":[{"id":"t1"}]} trailing""",
        """{"tasks":[{"id":"t1"}""",
        "<html>Bad gateway</html>",
    };

    [Theory]
    [MemberData(nameof(UsualPages))]
    public void AUsualPageIsReadInOnePassIntoWhatTheFullReaderGives(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        foreach (var repository in new[] { Known, null })
        {
            var quick = TaskPageReader.TryRead(utf8, repository);

            Assert.NotNull(quick);
            Assert.Equal(Describe(TaskPage.ReadFully(utf8, repository)), Describe(quick));
        }
    }

    [Theory]
    [MemberData(nameof(UnusualPages))]
    public void AnUnusualPageIsLeftToTheFullReaderWhichReadsOrRefusesItAsBefore(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var quick = Record.Exception(() => Assert.Null(TaskPageReader.TryRead(utf8, Known)));
        Assert.True(quick is null or JsonException or InvalidOperationException, quick?.ToString());

        var full = Record.Exception(() => TaskPage.ReadFully(utf8, Known));
        var read = Record.Exception(() => TaskPage.Read(utf8, Known));

        Assert.Equal(full?.GetType(), read?.GetType());
        Assert.Equal(full?.Message, read?.Message);
        if (full is null)
        {
            Assert.Equal(Describe(TaskPage.ReadFully(utf8, Known)), Describe(TaskPage.Read(utf8, Known)));
        }
    }

    [Fact]
    public void AnEmulatorPageOfAHundredTasksTakesTheQuickPass()
    {
        var tasks = new JsonArray();
        for (var i = 0; i < 100; i++)
        {
            var id = Guid.NewGuid().ToString();
            tasks.Add(JsonNode.Parse($$$"""
                {"id":"{{{id}}}","url":"http://127.0.0.1:1/agents/repos/bench/listing/tasks/{{{id}}}","html_url":"https://github.com/bench/listing/copilot/tasks/{{{id}}}",
                 "name":"Seeded task {{{i}}}","creator":{"id":1},"creator_type":"user","owner":{"id":1001},"repository":{"id":100001},"state":"completed",
                 "session_count":1,"artifacts":[{"provider":"github","type":"branch","data":{"head_ref":"copilot/seeded-task-{{{i}}}","base_ref":"main"}}],
                 "archived_at":null,"created_at":"2026-12-01T22:57:52Z","updated_at":"2026-12-01T22:58:22Z"}
                """));
        }
        var utf8 = Encoding.UTF8.GetBytes(new JsonObject { ["tasks"] = tasks, ["total_active_count"] = 100, ["total_archived_count"] = 0 }.ToJsonString());

        var page = TaskPageReader.TryRead(utf8, Known);

        Assert.NotNull(page);
        Assert.Equal(Describe(TaskPage.ReadFully(utf8, Known)), Describe(page));
        // The values every task repeats are one string each, not a hundred.
        Assert.Same(page.Tasks[0].StateValue, page.Tasks[99].StateValue);
        Assert.Same(page.Tasks[0].Artifacts[0].Type, page.Tasks[99].Artifacts[0].Type);
    }

    /// <summary>Every public property of the page's tasks and their artifacts, as text.</summary>
    private static string Describe(TaskPage page)
    {
        var text = new StringBuilder($"active={page.TotalActiveCount} archived={page.TotalArchivedCount}\n");
        foreach (var task in page.Tasks)
        {
            text.AppendLine(Properties(task));
            foreach (var artifact in task.Artifacts)
            {
                text.AppendLine("  " + Properties(artifact));
            }

            text.AppendLine($"  sessions={string.Join(",", task.Sessions.Select(Properties))}");
        }

        return text.ToString();
    }

    private static string Properties(object value) => string.Join("; ", value.GetType()
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType))
        .Select(p => $"{p.Name}={Shown(p.GetValue(value))}"));

    private static string Shown(object? value) => value switch
    {
        null => "(null)",
        DateTimeOffset date => date.ToString("O"),
        _ => value.ToString() ?? "",
    };
}
