using AgentTasks.Core;
using AgentTasks.Core.Models;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>The window of a listing (the query's Skip and First, Get-CopilotTask's -Skip and -First) over streamed pages.</summary>
public class ListingWindowTests : AgentTasks.Tests.Emulator.EmulatorTestBase
{
    private readonly CopilotTaskClient client;

    public ListingWindowTests(EmulatorFixture emulator)
        : base(emulator)
    {
        client = Clients.For(Emulator.BaseUri);
    }

    private async Task<(List<CopilotTask> Tasks, TaskListing Listing)> Read(ulong skip, ulong? first, int? pageSize = null, bool? archived = null)
    {
        var listing = client.ListRepositoryTasks(Clients.Repo, new RepositoryTaskQuery { PageSize = pageSize, Skip = skip, First = first, Archived = archived });
        var tasks = new List<CopilotTask>();
        for (var batch = await listing.NextPageAsync(); batch is not null; batch = await listing.NextPageAsync())
        {
            tasks.AddRange(batch);
        }

        return (tasks, listing);
    }

    [Theory]
    [InlineData(null, 0UL, null, 100)]
    [InlineData(null, 0UL, 5UL, 5)]
    [InlineData(null, 10UL, 5UL, 15)]
    [InlineData(null, 0UL, 0UL, 1)]
    [InlineData(null, 90UL, 50UL, 100)]
    [InlineData(null, 500UL, 1UL, 100)]
    [InlineData(null, ulong.MaxValue, ulong.MaxValue, 100)]
    [InlineData(7, 0UL, 5UL, 7)]
    public void PageSizeIsJustEnough(int? requested, ulong skip, ulong? first, int expected) =>
        Assert.Equal(expected, new UserTaskQuery { PageSize = requested, Skip = skip, First = first }.EffectivePageSize);

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
        // Pages of two: page 1 (tasks 1-2) is never asked for; on page 2, 3 is skipped and 4 taken; then 5-6 and 7.
        var requests = await Control.RequestsAsync();
        Assert.Equal(new[] { "page=2", "page=3", "page=4" }, requests.Select(r => r.Query.Split('&').Single(p => p.TrimStart('?').StartsWith("page="))).Select(p => p.TrimStart('?')));
    }

    [Fact]
    public async Task ADeepSkipJumpsToItsPageInOneRequest()
    {
        var ids = await Control.SeedAsync("octo-org", "hello-world", 300);
        var (tasks, _) = await Read(skip: 290, first: 5);
        Assert.Equal(ids.Reverse().Skip(290).Take(5), tasks.Select(t => t.Id));
        var request = Assert.Single(await Control.RequestsAsync());
        Assert.Contains("page=3", request.Query);
        Assert.Contains("per_page=100", request.Query);
    }

    [Fact]
    public async Task FirstZeroStillReadsTheTotal()
    {
        await Control.SeedAsync("octo-org", "hello-world", 3);
        await Control.SeedAsync("octo-org", "hello-world", 2, archived: true);
        var (tasks, listing) = await Read(0, 0);
        Assert.Empty(tasks);
        Assert.Equal(3, listing.TotalCount);
        Assert.Equal(2, (await Read(0, 0, archived: true)).Listing.TotalCount);
        Assert.Equal(2, (await Control.RequestsAsync()).Count);
    }

    [Fact]
    public async Task WithoutFirstEverythingComesInPagesOfAHundred()
    {
        await Control.SeedAsync("octo-org", "hello-world", 150);
        var (tasks, _) = await Read(0, null);
        Assert.Equal(150, tasks.Count);
        Assert.Equal(2, (await Control.RequestsAsync()).Count);
    }

    [Fact]
    public async Task SkippingPastTheEndGivesNothing()
    {
        await Control.SeedAsync("octo-org", "hello-world", 3);
        Assert.Empty((await Read(skip: 10, first: null)).Tasks);
    }
}
