using System.Text.Json;
using AgentTasks.Core;
using AgentTasks.Core.Models;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>Each of the five operations, against the emulator over real loopback HTTP.</summary>
public class OperationsTests : AgentTasks.Tests.Emulator.EmulatorTestBase
{
    private readonly CopilotTaskClient client;

    public OperationsTests(EmulatorFixture emulator)
        : base(emulator)
    {
        client = Clients.For(Emulator.BaseUri);
    }

    [Fact]
    public async Task StartSendsEveryFieldAndReturnsTheQueuedTask()
    {
        var request = new StartTaskRequest("Fix the login button") { Model = "some-future-model", CustomAgent = "perf", CreatePullRequest = true, BaseRef = "main", HeadRef = "feature/login" };
        var task = await client.StartTaskAsync(Clients.Repo, request);

        Assert.Equal(CopilotTaskState.Queued, task.State);
        Assert.Equal(("octo-org", "hello-world"), (task.Owner, task.Repo));
        Assert.Equal("perf", task.CustomAgent);
        var sent = Assert.Single(await Control.RequestsAsync());
        Assert.Equal(("POST", "/agents/repos/octo-org/hello-world/tasks"), (sent.Method, sent.Path));
        using var body = JsonDocument.Parse(sent.Body!);
        Assert.Equal("Fix the login button", body.RootElement.GetProperty("prompt").GetString());
        Assert.Equal("some-future-model", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("perf", body.RootElement.GetProperty("custom_agent").GetString());
        Assert.True(body.RootElement.GetProperty("create_pull_request").GetBoolean());
        Assert.Equal("main", body.RootElement.GetProperty("base_ref").GetString());
        Assert.Equal("feature/login", body.RootElement.GetProperty("head_ref").GetString());
    }

    [Fact]
    public async Task StartWithOnlyAPromptSendsOnlyThePrompt()
    {
        await client.StartTaskAsync(Clients.Repo, new StartTaskRequest("Just do it"));
        Assert.Equal("""{"prompt":"Just do it"}""", (await Control.RequestsAsync()).Single().Body);
    }

    [Fact]
    public async Task BadStartInputFailsBeforeAnyRequest()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => client.StartTaskAsync(Clients.Repo, new StartTaskRequest("  ")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.StartTaskAsync(Clients.Repo, new StartTaskRequest("p") { HeadRef = "feature" }));
        Assert.Empty(await Control.RequestsAsync());
    }

    [Fact]
    public async Task GetByRepositoryAndByIdReturnTheTaskWithSessions()
    {
        var started = await client.StartTaskAsync(Clients.Repo, new StartTaskRequest("Add tests") { BaseRef = "develop", Model = "gpt-5.4" });

        var byRepo = await client.GetTaskAsync(started.Id, Clients.Repo);
        var byId = await client.GetTaskAsync(started.Id);

        Assert.Equal(started.Id, byRepo.Id);
        Assert.Equal(started.Id, byId.Id);
        var session = Assert.Single(byRepo.Sessions);
        Assert.Equal(("Add tests", "develop", "gpt-5.4", started.Id), (session.Prompt, session.BaseRef, session.Model, session.TaskId));
        Assert.Equal("octo-org/hello-world", byRepo.Repository);
        // The id-only GET knows the repository from the task's url.
        Assert.Equal("octo-org/hello-world", byId.Repository);
    }

    [Fact]
    public async Task ListsForRepositoryAndUserStreamTheSeededTasks()
    {
        var ids = await Control.SeedAsync("octo-org", "hello-world", 3);
        await Control.SeedAsync("octo-org", "other-repo", 2);

        var repoTasks = await ReadAll(client.ListRepositoryTasks(Clients.Repo));
        var userTasks = await ReadAll(client.ListUserTasks());

        Assert.Equal(ids.OrderBy(i => i), repoTasks.Select(t => t.Id).OrderBy(i => i));
        Assert.All(repoTasks, t => Assert.Equal("octo-org/hello-world", t.Repository));
        Assert.Equal(5, userTasks.Count);
    }

    [Fact]
    public async Task TasksComeNewestUpdateFirstByDefaultAndAsAskedOtherwise()
    {
        var ids = await Control.SeedAsync("octo-org", "hello-world", 3);
        Assert.Equal(ids.Reverse(), (await ReadAll(client.ListRepositoryTasks(Clients.Repo))).Select(t => t.Id));
        var ascending = new RepositoryTaskQuery { Sort = TaskSortField.CreatedAt, Direction = SortDirection.Ascending };
        Assert.Equal(ids, (await ReadAll(client.ListRepositoryTasks(Clients.Repo, ascending))).Select(t => t.Id));
    }

    [Fact]
    public async Task PagingFollowsLinksAndCanStopAfterTheFirstPage()
    {
        await Control.SeedAsync("octo-org", "hello-world", 5);

        var all = await ReadAll(client.ListRepositoryTasks(Clients.Repo, new RepositoryTaskQuery { PageSize = 2 }));
        Assert.Equal(5, all.Select(t => t.Id).Distinct().Count());
        Assert.Equal(3, (await Control.RequestsAsync()).Count);

        await Control.ResetAsync();
        await Control.SeedAsync("octo-org", "hello-world", 5);
        var listing = client.ListRepositoryTasks(Clients.Repo, new RepositoryTaskQuery { PageSize = 2 });
        var first = await listing.NextPageAsync();
        Assert.Equal(2, first!.Count);
        Assert.Equal(5, listing.TotalActiveCount);
        var requests = await Control.RequestsAsync();
        Assert.Single(requests);
        Assert.Contains("per_page=2", requests[0].Query);
    }

    [Fact]
    public async Task StateFilterSendsTheCommaListAndReturnsOnlyThoseStates()
    {
        await Control.SeedAsync("octo-org", "hello-world", 2, state: "failed");
        await Control.SeedAsync("octo-org", "hello-world", 1, state: "timed_out");
        await Control.SeedAsync("octo-org", "hello-world", 3, state: "completed");

        var query = new RepositoryTaskQuery { States = new[] { CopilotTaskState.Failed, CopilotTaskState.TimedOut } };
        var tasks = await ReadAll(client.ListRepositoryTasks(Clients.Repo, query));

        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Contains(t.State, query.States!));
        Assert.Contains("state=failed,timed_out", (await Control.RequestsAsync()).Single().Query);
    }

    [Fact]
    public async Task ArchivedFilterReturnsOnlyArchivedTasksAndCountsBoth()
    {
        await Control.SeedAsync("octo-org", "hello-world", 2, archived: true);
        await Control.SeedAsync("octo-org", "hello-world", 3);

        var listing = client.ListRepositoryTasks(Clients.Repo, new RepositoryTaskQuery { Archived = true });
        var tasks = await ReadAll(listing);

        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.True(t.IsArchived));
        Assert.Equal((3, 2), (listing.TotalActiveCount!.Value, listing.TotalArchivedCount!.Value));
        Assert.Equal(3, (await ReadAll(client.ListRepositoryTasks(Clients.Repo))).Count);
    }

    [Fact]
    public async Task CreatorFilterIsRepeatedAndFilters()
    {
        await Control.SeedAsync("octo-org", "hello-world", 2, creatorId: 7);
        await Control.SeedAsync("octo-org", "hello-world", 1, creatorId: 8);
        await Control.SeedAsync("octo-org", "hello-world", 4, creatorId: 9);

        var tasks = await ReadAll(client.ListRepositoryTasks(Clients.Repo, new RepositoryTaskQuery { CreatorIds = new long[] { 7, 8 } }));

        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Contains(t.CreatorId!.Value, new long[] { 7, 8 }));
        Assert.Contains("creator_id=7&creator_id=8", (await Control.RequestsAsync()).Single().Query);
    }

    [Fact]
    public async Task SinceKeepsOnlyTasksUpdatedAtOrAfterIt()
    {
        await Control.SeedAsync("octo-org", "hello-world", 4);
        var all = await ReadAll(client.ListRepositoryTasks(Clients.Repo, new RepositoryTaskQuery { Direction = SortDirection.Ascending }));
        var since = all[2].UpdatedAt!.Value;

        var recent = await ReadAll(client.ListRepositoryTasks(Clients.Repo, new RepositoryTaskQuery { Since = since }));

        Assert.Equal(all.Skip(2).Select(t => t.Id).OrderBy(i => i), recent.Select(t => t.Id).OrderBy(i => i));
    }

    [Fact]
    public async Task EveryRequestCarriesTheApiHeaders()
    {
        await ReadAll(client.ListUserTasks());
        var headers = (await Control.RequestsAsync()).Single().Headers;
        Assert.Equal("application/vnd.github+json", headers["accept"]);
        Assert.Equal("2026-03-10", headers["x-github-api-version"]);
        Assert.StartsWith("AgentTasks-PowerShell/0.1.0", headers["user-agent"]);
        Assert.StartsWith("Bearer ", headers["authorization"]);
    }

    [Fact]
    public async Task TheApiVersionIsConfigurable()
    {
        var options = Clients.Options(Emulator.BaseUri);
        options.ApiVersion = "2022-11-28";
        await ReadAll(new CopilotTaskClient(options).ListUserTasks());
        Assert.Equal("2022-11-28", (await Control.RequestsAsync()).Single().Headers["x-github-api-version"]);
    }

    [Fact]
    public async Task AnUnknownTaskIdIsNotFound()
    {
        var error = await Assert.ThrowsAsync<AgentTasks.Core.Errors.CopilotNotFoundException>(() => client.GetTaskAsync("no-such-task"));
        Assert.Equal(("CopilotTaskNotFound", "no-such-task", 404), (error.ErrorId, error.Target, error.StatusCode));
        Assert.NotNull(error.RequestId);
        Assert.Contains(error.RequestId!, error.Message);
    }

    [Fact]
    public async Task TasksMoveThroughTheirStatesToTheEndingThePromptAsks()
    {
        var task = await client.StartTaskAsync(Clients.Repo, new StartTaskRequest("Break it [end:failed]"));
        CopilotTask current;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(100);
            current = await client.GetTaskAsync(task.Id, Clients.Repo);
        }
        while (current.IsRunning && DateTime.UtcNow < deadline);
        Assert.Equal(CopilotTaskState.Failed, current.State);
        Assert.NotNull(current.Sessions.Single().ErrorMessage);
    }

    internal static async Task<List<CopilotTask>> ReadAll(TaskListing listing)
    {
        var tasks = new List<CopilotTask>();
        for (var page = await listing.NextPageAsync(); page is not null; page = await listing.NextPageAsync())
        {
            tasks.AddRange(page);
        }

        return tasks;
    }
}
