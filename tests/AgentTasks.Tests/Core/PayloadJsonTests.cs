using AgentTasks.Core;
using AgentTasks.Core.Models;
using AgentTasks.Core.Wire;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Core;

public class PayloadJsonTests
{
    [Fact]
    public void TheReferencePageHoldsFiveExamples() => Assert.Equal(5, SeedPayloads.All.Count);

    [Fact]
    public void RepositoryListExampleReads()
    {
        var list = TestJson.ReadList(SeedPayloads.ListForRepository);
        var task = TaskMapper.ToTask(Assert.Single(list.Tasks!)!, null);
        Assert.Equal("a1b2c3d4-e5f6-7890-abcd-ef1234567890", task.Id);
        Assert.Equal(CopilotTaskState.Completed, task.State);
        Assert.Equal("Fix the login button on the homepage", task.Name);
        Assert.Equal(1, task.CreatorId);
        Assert.Equal("user", task.CreatorType);
        Assert.Equal(1296269, task.RepositoryId);
        Assert.Equal(1, task.SessionCount);
        Assert.Null(task.ArchivedAt);
        Assert.False(task.IsArchived);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.Zero), task.UpdatedAt);
        var artifact = Assert.Single(task.Artifacts);
        Assert.Equal(("github", "pull", 42L), (artifact.Provider, artifact.Type, artifact.PullRequestDatabaseId!.Value));
        // Worked out from the url, which names the repository.
        Assert.Equal("octocat/hello-world", task.Repository);
        Assert.Null(list.TotalActiveCount);
    }

    [Fact]
    public void CreatedExampleReadsAsQueuedWithNoArtifacts()
    {
        var task = TaskMapper.ToTask(TestJson.ReadTask(SeedPayloads.Created), null);
        Assert.Equal(CopilotTaskState.Queued, task.State);
        Assert.True(task.IsRunning);
        Assert.Empty(task.Artifacts);
        Assert.Empty(task.Sessions);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void SingleTaskExamplesCarryTheirSession(int index)
    {
        var task = TaskMapper.ToTask(TestJson.ReadTask(SeedPayloads.All[index]), null);
        var session = Assert.Single(task.Sessions);
        Assert.Equal("s1a2b3c4-d5e6-7890-abcd-ef1234567890", session.SessionId);
        Assert.Equal(task.Id, session.TaskId);
        Assert.Equal(CopilotTaskState.Completed, session.State);
        Assert.Equal(("copilot/fix-1", "main", "claude-sonnet-4.6"), (session.HeadRef, session.BaseRef, session.Model));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.Zero), session.CompletedAt);
        Assert.Equal(1, session.UserId);
        Assert.Equal("Fix the login button on the homepage", session.Prompt);
    }

    [Fact]
    public void UserListItemsWithoutUrlsHaveNoRepositoryName()
    {
        var task = TaskMapper.ToTask(Assert.Single(TestJson.ReadList(SeedPayloads.ListForUser).Tasks!)!, null);
        Assert.Null(task.Url);
        Assert.Null(task.Repository);
        Assert.Equal(1296269, task.RepositoryId);
    }

    [Fact]
    public void OpenapiCustomAgentExampleReads()
    {
        const string json = """
            {"id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","url":"https://api.github.com/agents/repos/octocat/hello-world/tasks/a1b2c3d4-e5f6-7890-abcd-ef1234567890",
             "name":"Fix the login button on the homepage","creator":{"id":1},"creator_type":"user","owner":{"id":1},"repository":{"id":1296269},
             "state":"queued","session_count":1,"custom_agent":{"id":"my-custom-agent"},"artifacts":[],"archived_at":null,
             "created_at":"2025-01-01T00:00:00Z","updated_at":"2025-01-01T00:00:00Z"}
            """;
        Assert.Equal("my-custom-agent", TaskMapper.ToTask(TestJson.ReadTask(json), null).CustomAgent);
    }

    [Fact]
    public void OnlyTheRequiredFieldsAreEnough()
    {
        var task = TaskMapper.ToTask(TestJson.ReadTask("""{"id":"t1","state":"failed","created_at":"2026-01-02T03:04:05Z"}"""), null);
        Assert.Equal(("t1", CopilotTaskState.Failed), (task.Id, task.State));
        Assert.Null(task.UpdatedAt);
        Assert.Empty(task.Artifacts);
    }

    [Fact]
    public void NullsExtraFieldsAndNewStatesAreTolerated()
    {
        const string json = """
            {"id":"t2","state":"paused_for_review","created_at":"2026-01-02T03:04:05Z","name":null,"artifacts":null,
             "sessions":[null,{"id":"s","state":"brand_new","created_at":"2026-01-02T03:04:05Z","usage":null,"error":{"message":"boom"}}],
             "user_collaborators":[{"id":7}],"some_future_field":{"nested":[1,2,3]},"creator":null,"archived_at":"2026-02-01T00:00:00Z"}
            """;
        var task = TaskMapper.ToTask(TestJson.ReadTask(json), null);
        Assert.Equal(CopilotTaskState.Unknown, task.State);
        Assert.Equal("paused_for_review", task.StateValue);
        Assert.False(task.IsRunning);
        Assert.True(task.IsArchived);
        var session = Assert.Single(task.Sessions);
        Assert.Equal("brand_new", session.StateValue);
        Assert.Equal("boom", session.ErrorMessage);
    }

    [Fact]
    public void BranchAndPullArtifactsKeepTheirOwnData()
    {
        const string json = """
            {"id":"t3","state":"completed","created_at":"2026-01-02T03:04:05Z","artifacts":[
              {"provider":"github","type":"branch","data":{"head_ref":"copilot/fix-2","base_ref":"main"}},
              {"provider":"github","type":"pull","data":{"id":9007199254740993,"global_id":"PR_kwDOA"}},
              {"provider":"other","type":"issue","data":{"whatever":true}}]}
            """;
        var artifacts = TaskMapper.ToTask(TestJson.ReadTask(json), null).Artifacts;
        Assert.Equal(3, artifacts.Count);
        Assert.Equal(("copilot/fix-2", "main"), (artifacts[0].HeadRef, artifacts[0].BaseRef));
        Assert.Null(artifacts[0].PullRequestDatabaseId);
        Assert.Equal((9007199254740993L, "PR_kwDOA"), (artifacts[1].PullRequestDatabaseId!.Value, artifacts[1].PullRequestGlobalId));
        Assert.Equal("issue", artifacts[2].Type);
    }

    [Theory]
    [InlineData("ai_credits", 1234567890.0, 1.2)]
    [InlineData("premium_requests", 1.5, 1.5)]
    public void UsageIsShownInUnitsAPersonReads(string type, double amount, double shown)
    {
        var usageJson = $"{{\"type\":\"{type}\",\"amount\":{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}";
        var json = """{"id":"t","state":"completed","created_at":"2026-01-02T03:04:05Z","sessions":[{"id":"s","state":"completed","created_at":"2026-01-02T03:04:05Z","usage":USAGE}]}""".Replace("USAGE", usageJson);
        var usage = TaskMapper.ToTask(TestJson.ReadTask(json), null).Sessions[0].Usage!;
        Assert.Equal(amount, usage.Amount);
        Assert.Equal(shown, usage.DisplayAmount);
    }

    [Fact]
    public void ListEnvelopeCounts()
    {
        var list = TestJson.ReadList("""{"tasks":[],"total_active_count":12,"total_archived_count":3}""");
        Assert.Equal((12, 3), (list.TotalActiveCount!.Value, list.TotalArchivedCount!.Value));
    }

    [Theory]
    [InlineData("""{"id":"t","state":"queued","repository":{"id":5,"full_name":"acme/widgets"}}""", "acme/widgets")]
    [InlineData("""{"id":"t","state":"queued","html_url":"https://ghe.example.com/acme/widgets/copilot/tasks/t"}""", "acme/widgets")]
    [InlineData("""{"id":"t","state":"queued","url":"https://ghe.example.com/api/v3/agents/repos/acme/widgets/tasks/t"}""", "acme/widgets")]
    [InlineData("""{"id":"t","state":"queued","url":"https://api.github.com/agents/tasks/t"}""", null)]
    public void RepositoryIsWorkedOutFromWhatThePayloadHas(string json, string? expected)
        => Assert.Equal(expected, TaskMapper.RepositoryOf(TestJson.ReadTask(json))?.ToString());

    // A task without an id cannot be asked about again: reading it must fail as a broken payload (so that the
    // sender reports CopilotInvalidResponse), not become a task with an empty id that later fails somewhere else.
    [Theory]
    [InlineData("""{"state":"queued","created_at":"2026-01-02T03:04:05Z"}""")]
    [InlineData("""{"id":null,"state":"queued"}""")]
    [InlineData("""{"id":"","state":"queued"}""")]
    [InlineData("""{"id":"..","state":"queued"}""")]
    [InlineData("""{"id":"a/b","state":"queued"}""")]
    [InlineData("""{"id":"a b","state":"queued"}""")]
    [InlineData("""{}""")]
    public void ATaskWithoutAUsableIdIsABrokenPayload(string json) =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => TestJson.ReadTask(json));

    [Theory]
    [InlineData("""{"tasks":[{"state":"queued"}]}""")]
    [InlineData("""{"tasks":[{"id":"t1","state":"queued"},{"id":"","state":"queued"}]}""")]
    [InlineData("""{"tasks":[null]}""")]
    [InlineData("""{"tasks":[{"id":"..","state":"queued"}]}""")]
    public void AListWithAnItemWithoutAUsableIdIsABrokenPayload(string json) =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => TestJson.ReadList(json));

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"a task\"")]
    public void ABodyThatIsNotATaskIsABrokenPayload(string body)
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => TestJson.ReadTask(body));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => TestJson.ReadList(body));
    }

    [Fact]
    public void AMalformedDateIsABrokenPayloadNotANewerOne() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => TestJson.ReadTask("""{"id":"t","state":"queued","created_at":"yesterday"}"""));

    [Fact]
    public void KnownRepositoryWinsOverThePayload()
    {
        var task = TaskMapper.ToTask(TestJson.ReadTask(SeedPayloads.Created), new RepositoryName("acme", "widgets"));
        Assert.Equal(("acme", "widgets", "acme/widgets"), (task.Owner, task.Repo, task.Repository));
    }

    [Fact]
    public void StartBodyIsSnakeCaseAndOmitsWhatIsUnset()
    {
        Assert.Equal("""{"prompt":"Fix it","base_ref":"main"}""", WireJson.Write(new StartTaskBodyDto { Prompt = "Fix it", BaseRef = "main" }));
        Assert.Equal(
            """{"prompt":"p","model":"gpt-5.4","custom_agent":"perf","create_pull_request":true,"base_ref":"main","head_ref":"feature"}""",
            WireJson.Write(new StartTaskBodyDto { Prompt = "p", Model = "gpt-5.4", CustomAgent = "perf", CreatePullRequest = true, BaseRef = "main", HeadRef = "feature" }));
    }

    [Fact]
    public void ErrorBodyReads()
    {
        var error = WireJson.ReadError("""{"message":"Validation Failed","documentation_url":"https://docs.github.com/rest","errors":[{"code":"missing_field","field":"prompt"},{"code":"custom","message":"head_ref needs base_ref"}]}""")!;
        Assert.Equal("Validation Failed", error.Message);
        Assert.Equal(2, error.Errors!.Count);
        Assert.Equal("prompt", error.Errors[0]!.Field);
    }
}
