using AgentTasks.Core;
using AgentTasks.Core.Models;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>-Skip and -First over a streamed listing, as Get-CopilotTask applies them.</summary>
public class PagedTaskReaderTests : AgentTasks.Tests.Emulator.EmulatorTestBase
{
    private readonly CopilotTaskClient client;

    public PagedTaskReaderTests(EmulatorFixture emulator)
        : base(emulator)
    {
        client = Clients.For(Emulator.BaseUri);
    }

    private async Task<(List<CopilotTask> Tasks, PagedTaskReader Reader)> Read(ulong skip, ulong first, int? pageSize = null)
    {
        var listing = client.ListRepositoryTasks(Clients.Repo, new TaskQuery { PageSize = PagedTaskReader.PageSizeFor(pageSize, skip, first) });
        var reader = new PagedTaskReader(listing, skip, first);
        var tasks = new List<CopilotTask>();
        for (var batch = await reader.NextAsync(); batch is not null; batch = await reader.NextAsync()) tasks.AddRange(batch);
        return (tasks, reader);
    }

    [Theory]
    [InlineData(null, 0UL, ulong.MaxValue, 100)]
    [InlineData(null, 0UL, 5UL, 5)]
    [InlineData(null, 10UL, 5UL, 15)]
    [InlineData(null, 0UL, 0UL, 1)]
    [InlineData(null, 90UL, 50UL, 100)]
    [InlineData(null, 500UL, 1UL, 100)]
    [InlineData(7, 0UL, 5UL, 7)]
    public void PageSizeIsJustEnough(int? requested, ulong skip, ulong first, int expected) =>
        Assert.Equal(expected, PagedTaskReader.PageSizeFor(requested, skip, first));

    [Fact]
    public async Task FirstFiveMakesOneRequest()
    {
        var ids = await Control.SeedAsync("octo-org", "hello-world", 12);
        var (tasks, _) = await Read(0, 5);
        Assert.Equal(ids.Reverse().Take(5), tasks.Select(t => t.Id));
        Assert.Single(await Control.RequestsAsync());
    }

    [Fact]
    public async Task SkipAndFirstCrossPageBoundaries()
    {
        var ids = await Control.SeedAsync("octo-org", "hello-world", 10);
        var (tasks, _) = await Read(skip: 3, first: 4, pageSize: 2);
        Assert.Equal(ids.Reverse().Skip(3).Take(4), tasks.Select(t => t.Id));
        // Pages of two: 1-2 skipped, 3 skipped and 4 taken, 5-6, 7 taken; page 5 is never asked for.
        Assert.Equal(4, (await Control.RequestsAsync()).Count);
    }

    [Fact]
    public async Task FirstZeroStillReadsTheTotal()
    {
        await Control.SeedAsync("octo-org", "hello-world", 3);
        await Control.SeedAsync("octo-org", "hello-world", 2, archived: true);
        var (tasks, reader) = await Read(0, 0);
        Assert.Empty(tasks);
        Assert.Equal(3, reader.TotalCount(archived: false));
        Assert.Equal(2, reader.TotalCount(archived: true));
        Assert.Single(await Control.RequestsAsync());
    }

    [Fact]
    public async Task WithoutFirstEverythingComesInPagesOfAHundred()
    {
        await Control.SeedAsync("octo-org", "hello-world", 150);
        var (tasks, _) = await Read(0, ulong.MaxValue);
        Assert.Equal(150, tasks.Count);
        Assert.Equal(2, (await Control.RequestsAsync()).Count);
    }

    [Fact]
    public async Task SkippingPastTheEndGivesNothing()
    {
        await Control.SeedAsync("octo-org", "hello-world", 3);
        Assert.Empty((await Read(skip: 10, first: ulong.MaxValue)).Tasks);
    }
}
