using System.Net;
using System.Text.Json;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Emulator;

/// <summary>The payloads of start-a-task and the two single-task GETs.</summary>
public class StartAndGetTests(EmulatorFixture emulator) : EmulatorTestBase(emulator)
{
    private const string TimestampPattern = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$";

    [Fact]
    public async Task StartAnswers201WithTheQueuedTask()
    {
        var task = await Api.StartAsync("""{"prompt":"Fix the login button on the homepage\nIt does nothing.","custom_agent":"perf"}""");

        var id = task.GetProperty("id").GetString()!;
        Assert.True(Guid.TryParse(id, out _), id);
        Assert.Equal($"{Emulator.BaseUri}agents/repos/octo-org/hello-world/tasks/{id}", task.GetProperty("url").GetString());
        Assert.Equal($"https://github.com/octo-org/hello-world/copilot/tasks/{id}", task.GetProperty("html_url").GetString());
        Assert.Equal("Fix the login button on the homepage", task.GetProperty("name").GetString());
        Assert.Equal(1, task.GetProperty("creator").GetProperty("id").GetInt64());
        Assert.Equal("user", task.GetProperty("creator_type").GetString());
        Assert.True(task.GetProperty("owner").GetProperty("id").GetInt64() > 0);
        Assert.True(task.GetProperty("repository").GetProperty("id").GetInt64() > 0);
        Assert.Equal("queued", task.GetProperty("state").GetString());
        Assert.Equal(1, task.GetProperty("session_count").GetInt32());
        Assert.Equal(0, task.GetProperty("artifacts").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("archived_at").ValueKind);
        Assert.Matches(TimestampPattern, task.GetProperty("created_at").GetString());
        Assert.Equal(task.GetProperty("created_at").GetString(), task.GetProperty("updated_at").GetString());
        Assert.Equal("perf", task.GetProperty("custom_agent").GetProperty("id").GetString());
        Assert.False(task.TryGetProperty("sessions", out _));
    }

    [Fact]
    public async Task TheNameIsTheFirstLineCutTo80Characters()
    {
        var task = await Api.StartAsync($$"""{"prompt":"\n{{new string('x', 100)}}\nsecond line"}""");

        Assert.Equal(new string('x', 80), task.GetProperty("name").GetString());
    }

    [Fact]
    public async Task GetByRepoAddsTheSessionWithDefaults()
    {
        var id = (await Api.StartAsync("""{"prompt":"Add tests"}""")).GetProperty("id").GetString();

        var task = await Api.GetJsonAsync($"agents/repos/octo-org/hello-world/tasks/{id}");

        var session = Assert.Single(task.GetProperty("sessions").EnumerateArray());
        Assert.True(Guid.TryParse(session.GetProperty("id").GetString(), out _));
        Assert.Equal(id, session.GetProperty("task_id").GetString());
        Assert.Equal("Add tests", session.GetProperty("name").GetString());
        Assert.Equal("Add tests", session.GetProperty("prompt").GetString());
        Assert.Equal("queued", session.GetProperty("state").GetString());
        Assert.Equal(1, session.GetProperty("user").GetProperty("id").GetInt64());
        Assert.Equal(task.GetProperty("repository").GetProperty("id").GetInt64(), session.GetProperty("repository").GetProperty("id").GetInt64());
        Assert.Equal("copilot/add-tests", session.GetProperty("head_ref").GetString());
        Assert.Equal("main", session.GetProperty("base_ref").GetString());
        Assert.Equal("claude-sonnet-4.6", session.GetProperty("model").GetString());
        Assert.Matches(TimestampPattern, session.GetProperty("created_at").GetString());
        Assert.False(session.TryGetProperty("completed_at", out _));
        Assert.False(session.TryGetProperty("usage", out _));
        Assert.False(session.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task GetByIdShowsTheSameTaskWithTheRequestedRefsAndModel()
    {
        var id = (await Api.StartAsync("""{"prompt":"p","model":"gpt-5.4","base_ref":"develop","head_ref":"feature/x"}""")).GetProperty("id").GetString();

        var byRepo = await Api.GetJsonAsync($"agents/repos/octo-org/hello-world/tasks/{id}");
        var byId = await Api.GetJsonAsync($"agents/tasks/{id}");

        Assert.Equal(byRepo.GetProperty("url").GetString(), byId.GetProperty("url").GetString());
        var session = byId.GetProperty("sessions")[0];
        Assert.Equal(("gpt-5.4", "develop", "feature/x"),
            (session.GetProperty("model").GetString(), session.GetProperty("base_ref").GetString(), session.GetProperty("head_ref").GetString()));
    }

    [Fact]
    public async Task RepositoryIdsAreStablePerNameWhateverTheCase()
    {
        var first = await Api.StartAsync("""{"prompt":"a"}""");
        var second = await Api.StartAsync("""{"prompt":"b"}""", "Octo-Org/Hello-World");
        var other = await Api.StartAsync("""{"prompt":"c"}""", "octo-org/other");

        long RepositoryId(JsonElement task) => task.GetProperty("repository").GetProperty("id").GetInt64();
        Assert.Equal(RepositoryId(first), RepositoryId(second));
        Assert.NotEqual(RepositoryId(first), RepositoryId(other));
        Assert.Equal(first.GetProperty("owner").GetProperty("id").GetInt64(), other.GetProperty("owner").GetProperty("id").GetInt64());
        await Api.GetJsonAsync($"agents/repos/OCTO-ORG/hello-world/tasks/{first.GetProperty("id").GetString()}");
    }

    [Theory]
    [InlineData("not json", HttpStatusCode.BadRequest, "Problems parsing JSON")]
    [InlineData("", HttpStatusCode.BadRequest, "Problems parsing JSON")]
    [InlineData("{}", HttpStatusCode.UnprocessableEntity, "Validation Failed")]
    [InlineData("""{"prompt":"  "}""", HttpStatusCode.UnprocessableEntity, "Validation Failed")]
    [InlineData("""{"prompt":5}""", HttpStatusCode.UnprocessableEntity, "Validation Failed")]
    [InlineData("""{"prompt":"p","create_pull_request":"yes"}""", HttpStatusCode.UnprocessableEntity, "Validation Failed")]
    [InlineData("""{"prompt":"p","model":1}""", HttpStatusCode.UnprocessableEntity, "Validation Failed")]
    [InlineData("""{"prompt":"p","head_ref":"feature"}""", HttpStatusCode.UnprocessableEntity, "Validation Failed")]
    public async Task BadStartBodiesAreRefusedAndStartNothing(string body, HttpStatusCode status, string message)
    {
        using var response = await Api.PostAsync("agents/repos/octo-org/hello-world/tasks", body);

        var error = await response.JsonAsync(status);
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal("https://docs.github.com/rest/agent-tasks/agent-tasks#start-a-task", error.GetProperty("documentation_url").GetString());
        Assert.Equal(status == HttpStatusCode.UnprocessableEntity, error.TryGetProperty("errors", out var errors));
        if (status == HttpStatusCode.UnprocessableEntity)
        {
            Assert.NotEmpty(Assert.Single(errors.EnumerateArray()).GetProperty("message").GetString()!);
        }

        Assert.Empty((await Api.GetJsonAsync("agents/tasks")).Ids());
    }
}
