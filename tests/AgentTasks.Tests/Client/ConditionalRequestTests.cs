using AgentTasks.Core.Models;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

public class ConditionalRequestTests : AgentTasks.Tests.Emulator.EmulatorTestBase
{

    public ConditionalRequestTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task ARepeatedGetSendsIfNoneMatchAndReusesTheCachedTaskOn304()
    {
        var id = (await Control.SeedAsync("octo-org", "hello-world", 1, state: "completed")).Single();
        var client = Clients.For(Emulator.BaseUri);

        var first = await client.GetTaskAsync(id, Clients.Repo);
        var second = await client.GetTaskAsync(id, Clients.Repo);

        var requests = await Control.RequestsAsync();
        Assert.Equal(new[] { 200, 304 }, requests.Select(r => r.Status));
        Assert.False(requests[0].Headers.ContainsKey("if-none-match"));
        Assert.True(requests[1].Headers.ContainsKey("if-none-match"));
        Assert.Equal((first.Id, first.StateValue, first.Sessions.Count), (second.Id, second.StateValue, second.Sessions.Count));
        Assert.NotSame(first, second);
    }

    [Fact]
    public async Task AChangedTaskIsReadAfresh()
    {
        var id = (await Control.SeedAsync("octo-org", "hello-world", 1, state: "in_progress")).Single();
        var client = Clients.For(Emulator.BaseUri);
        Assert.Equal(CopilotTaskState.InProgress, (await client.GetTaskAsync(id)).State);

        await Control.SetStateAsync(id, "waiting_for_user");

        Assert.Equal(CopilotTaskState.WaitingForUser, (await client.GetTaskAsync(id)).State);
        Assert.Equal(new[] { 200, 200 }, (await Control.RequestsAsync()).Select(r => r.Status));
    }

    [Fact]
    public async Task ListPagesAreConditionalToo()
    {
        await Control.SeedAsync("octo-org", "hello-world", 3);
        var client = Clients.For(Emulator.BaseUri);
        var first = await OperationsTests.ReadAll(client.ListRepositoryTasks(Clients.Repo));
        var again = await OperationsTests.ReadAll(client.ListRepositoryTasks(Clients.Repo));
        Assert.Equal(first.Select(t => t.Id), again.Select(t => t.Id));
        Assert.Equal(304, (await Control.RequestsAsync()).Last().Status);
    }

    [Fact]
    public async Task ClientsSharingACacheGet304sAcrossCommandsButOnlyForTheSameToken()
    {
        var id = (await Control.SeedAsync("octo-org", "hello-world", 1)).Single();
        var shared = new AgentTasks.Core.ResponseCache();
        AgentTasks.Core.CopilotTaskClient Client(string token)
        {
            var options = Clients.Options(Emulator.BaseUri, token: token);
            options.Cache = shared;
            return new AgentTasks.Core.CopilotTaskClient(options);
        }

        await Client("first-command").GetTaskAsync(id);
        var again = await Client("first-command").GetTaskAsync(id);
        await Client("someone-else").GetTaskAsync(id);

        var requests = await Control.RequestsAsync();
        Assert.Equal(new[] { 200, 304, 200 }, requests.Select(r => r.Status));
        Assert.False(requests[2].Headers.ContainsKey("if-none-match"));
        Assert.Equal(id, again.Id);
    }
}
