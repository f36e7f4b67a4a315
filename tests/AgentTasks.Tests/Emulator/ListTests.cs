using System.Net;
using System.Text.Json;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Emulator;

/// <summary>The two lists: paging, Link, filters, order, totals and query validation.</summary>
public class ListTests(EmulatorFixture emulator) : EmulatorTestBase(emulator)
{
    private const string RepositoryList = "agents/repos/octo-org/hello-world/tasks";

    [Fact]
    public async Task AMiddlePageLinksEveryWayOnTheEmulatorsOriginKeepingTheQuery()
    {
        await Control.SeedAsync("octo-org", "hello-world", 5);

        using var response = await Api.GetAsync($"{RepositoryList}?state=completed&per_page=2&page=2");

        Assert.Equal(2, (await response.JsonAsync(HttpStatusCode.OK)).Ids().Length);
        var origin = Emulator.BaseUri.GetLeftPart(UriPartial.Authority);
        Assert.Equal(new Dictionary<string, string>
        {
            ["first"] = $"{origin}/{RepositoryList}?state=completed&page=1&per_page=2",
            ["prev"] = $"{origin}/{RepositoryList}?state=completed&page=1&per_page=2",
            ["next"] = $"{origin}/{RepositoryList}?state=completed&page=3&per_page=2",
            ["last"] = $"{origin}/{RepositoryList}?state=completed&page=3&per_page=2",
        }, response.Links());
    }

    [Fact]
    public async Task TheLastPageHasNoNextAndThePagesCoverEveryTaskOnce()
    {
        var ids = await Control.SeedAsync("octo-org", "hello-world", 5);

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            using var response = await Api.GetAsync($"{RepositoryList}?per_page=2&page={page}");
            pages.AddRange((await response.JsonAsync(HttpStatusCode.OK)).Ids());
            Assert.Equal(page < 3, response.Links().ContainsKey("next"));
            Assert.Equal(page > 1, response.Links().ContainsKey("prev"));
        }

        Assert.Equal(ids.Reverse(), pages);
    }

    [Fact]
    public async Task AnEmptyListHasOnlyFirstAndLastAndZeroTotals()
    {
        using var response = await Api.GetAsync(RepositoryList);

        var list = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Empty(list.Ids());
        Assert.Equal((0, 0), (list.GetProperty("total_active_count").GetInt32(), list.GetProperty("total_archived_count").GetInt32()));
        Assert.Equal(["first", "last"], response.Links().Keys);
    }

    [Fact]
    public async Task OrderFollowsSortAndDirection()
    {
        var ids = await Control.SeedAsync("octo-org", "hello-world", 3);
        // The oldest task changes now, so it is the newest by updated_at but still the oldest by created_at.
        await Control.SetStateAsync(ids[0], "failed");

        Assert.Equal([ids[0], ids[2], ids[1]], (await Api.GetJsonAsync(RepositoryList)).Ids());
        Assert.Equal([ids[1], ids[2], ids[0]], (await Api.GetJsonAsync($"{RepositoryList}?direction=asc")).Ids());
        Assert.Equal([ids[2], ids[1], ids[0]], (await Api.GetJsonAsync($"{RepositoryList}?sort=created_at")).Ids());
        Assert.Equal(ids, (await Api.GetJsonAsync($"{RepositoryList}?sort=created_at&direction=asc")).Ids());
    }

    [Fact]
    public async Task StateFilterTakesACommaList()
    {
        var failed = await Control.SeedAsync("octo-org", "hello-world", 2, state: "failed");
        var timedOut = await Control.SeedAsync("octo-org", "hello-world", 1, state: "timed_out");
        await Control.SeedAsync("octo-org", "hello-world", 3, state: "completed");

        var list = await Api.GetJsonAsync($"{RepositoryList}?state=failed,timed_out");

        Assert.Equal(failed.Concat(timedOut).Order(), list.Ids().Order());
        Assert.Equal(3, list.GetProperty("total_active_count").GetInt32());
    }

    [Fact]
    public async Task ArchivedTasksAreShownOnlyWhenAskedAndTotalsCountBoth()
    {
        var active = await Control.SeedAsync("octo-org", "hello-world", 2);
        var archived = await Control.SeedAsync("octo-org", "hello-world", 3, archived: true);

        var defaultList = await Api.GetJsonAsync(RepositoryList);
        var archivedList = await Api.GetJsonAsync($"{RepositoryList}?is_archived=true");

        Assert.Equal(active.Order(), defaultList.Ids().Order());
        Assert.Equal(archived.Order(), archivedList.Ids().Order());
        foreach (var list in new[] { defaultList, archivedList })
        {
            Assert.Equal((2, 3), (list.GetProperty("total_active_count").GetInt32(), list.GetProperty("total_archived_count").GetInt32()));
        }

        Assert.All(archivedList.GetProperty("tasks").EnumerateArray(), t => Assert.Equal(JsonValueKind.String, t.GetProperty("archived_at").ValueKind));
    }

    [Fact]
    public async Task SinceKeepsTasksUpdatedAtOrAfterIt()
    {
        await Control.SeedAsync("octo-org", "hello-world", 3);
        var tasks = (await Api.GetJsonAsync(RepositoryList)).GetProperty("tasks");
        var middle = tasks[1].GetProperty("updated_at").GetString()!;

        var list = await Api.GetJsonAsync($"{RepositoryList}?since={Uri.EscapeDataString(middle)}");

        Assert.Equal([tasks[0].GetProperty("id").GetString()!, tasks[1].GetProperty("id").GetString()!], list.Ids());
    }

    [Fact]
    public async Task CreatorIdFiltersTheRepositoryListOnlyAndTheUserListIsTheCallersOwn()
    {
        var bySeven = await Control.SeedAsync("octo-org", "hello-world", 2, creatorId: 7);
        var byEight = await Control.SeedAsync("octo-org", "hello-world", 1, creatorId: 8);
        await Control.SeedAsync("octo-org", "hello-world", 1);
        var elsewhere = await Control.SeedAsync("octo-org", "other", 1, creatorId: 7);

        var filtered = await Api.GetJsonAsync($"{RepositoryList}?creator_id=7&creator_id=8");
        using var user7 = new ApiClient(Emulator.BaseUri, "emu_user_7_token");
        var ownList = await user7.GetJsonAsync("agents/tasks?creator_id=8");

        Assert.Equal(bySeven.Concat(byEight).Order(), filtered.Ids().Order());
        Assert.Equal(bySeven.Concat(elsewhere).Order(), ownList.Ids().Order());
    }

    [Fact]
    public async Task RepositoryListItemsHaveUrlsAndUserListItemsDoNotAndNeitherHasSessions()
    {
        await Control.SeedAsync("octo-org", "hello-world", 1);

        var repositoryItem = (await Api.GetJsonAsync(RepositoryList)).GetProperty("tasks")[0];
        var userItem = (await Api.GetJsonAsync("agents/tasks")).GetProperty("tasks")[0];

        Assert.True(repositoryItem.TryGetProperty("url", out _));
        Assert.True(repositoryItem.TryGetProperty("html_url", out _));
        Assert.False(userItem.TryGetProperty("url", out _));
        Assert.False(userItem.TryGetProperty("html_url", out _));
        Assert.False(repositoryItem.TryGetProperty("sessions", out _));
        Assert.False(userItem.TryGetProperty("sessions", out _));
    }

    [Theory]
    [InlineData("per_page=0")]
    [InlineData("per_page=101")]
    [InlineData("per_page=ten")]
    [InlineData("page=0")]
    [InlineData("sort=name")]
    [InlineData("direction=up")]
    [InlineData("state=completed,done")]
    [InlineData("is_archived=maybe")]
    [InlineData("since=yesterday")]
    [InlineData("creator_id=me")]
    public async Task ABadQueryValueIs422(string query)
    {
        var error = await Api.GetJsonAsync($"{RepositoryList}?{query}", HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Validation Failed", error.GetProperty("message").GetString());
        Assert.Equal("invalid", Assert.Single(error.GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal("https://docs.github.com/rest/agent-tasks/agent-tasks#list-tasks-for-repository", error.GetProperty("documentation_url").GetString());
    }
}
