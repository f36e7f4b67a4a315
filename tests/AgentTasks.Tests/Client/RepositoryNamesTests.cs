using AgentTasks.Core;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>The user-wide listing's items name their repository by id only: the client names it (GET
/// /repositories/{id}) once per repository for a connection's cache, and a repository it may not see keeps its id.</summary>
public class RepositoryNamesTests : AgentTasks.Tests.Emulator.EmulatorTestBase
{
    public RepositoryNamesTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task UserWideTasksGetTheirRepositoryNamesOncePerRepository()
    {
        await Control.SeedAsync("octo-org", "hello-world", 3, creatorId: 1);
        await Control.SeedAsync("octo-org", "api", 2, creatorId: 1);
        var options = Clients.Options(Emulator.BaseUri);
        options.Cache = new ResponseCache();
        var client = new CopilotTaskClient(options);

        var tasks = await OperationsTests.ReadAll(client.ListUserTasks(new UserTaskQuery { PageSize = 2 }));

        Assert.Equal(5, tasks.Count);
        Assert.Equal(new[] { "octo-org/api", "octo-org/hello-world" }, tasks.Select(t => t.Repository).Distinct().OrderBy(r => r));
        var task = tasks.First(t => t.Repository == "octo-org/api");
        Assert.Equal($"{Emulator.BaseUri.AbsoluteUri}agents/repos/octo-org/api/tasks/{task.Id}", task.Url);
        Assert.Equal($"https://github.com/octo-org/api/copilot/tasks/{task.Id}", task.HtmlUrl);
        Assert.Equal(2, (await Control.RequestsAsync()).Count(r => r.Path.StartsWith("/repositories/", StringComparison.Ordinal)));

        // Another command of the same connection (the same cache) asks no more.
        var again = Clients.Options(Emulator.BaseUri);
        again.Cache = options.Cache;
        await OperationsTests.ReadAll(new CopilotTaskClient(again).ListUserTasks());
        Assert.Equal(2, (await Control.RequestsAsync()).Count(r => r.Path.StartsWith("/repositories/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARepositoryTheTokenMayNotSeeKeepsItsIdAndTheListingGoesOn()
    {
        await Control.SeedAsync("octo-org", "secret", 2, creatorId: 1);
        await Control.AddFaultAsync("status", status: 404, pathPrefix: "/repositories/", count: 10);
        var log = new List<string>();

        var tasks = await OperationsTests.ReadAll(Clients.For(Emulator.BaseUri, log: log).ListUserTasks());

        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Null(t.Repository));
        Assert.All(tasks, t => Assert.NotNull(t.RepositoryId));
        Assert.Contains(log, line => line.Contains($"Repository {tasks[0].RepositoryId} keeps its id", StringComparison.Ordinal));
        // Asked once: the refusal is kept too.
        Assert.Single(await Control.RequestsAsync(), r => r.Path.StartsWith("/repositories/", StringComparison.Ordinal));
    }
}
