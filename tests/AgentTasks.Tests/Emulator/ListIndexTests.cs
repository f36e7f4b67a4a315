using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Emulator;

/// <summary>
/// An unfiltered list is cut from the store's index, a filtered one from a sort of every task; a state filter naming
/// every state matches every task, so the two must give the same pages.
/// </summary>
public class ListIndexTests(EmulatorFixture emulator) : EmulatorTestBase(emulator)
{
    private const string RepositoryList = "agents/repos/octo-org/hello-world/tasks";
    private const string EveryState = "queued,in_progress,completed,failed,idle,waiting_for_user,timed_out,cancelled";

    [Fact]
    public async Task PagesFromTheIndexMatchPagesFromASortOfEveryTask()
    {
        // Seeds interleave in created_at with tasks started later; some tasks are on a schedule and one is moved.
        await Control.SetClockAsync(queuedSeconds: 0, runningSeconds: 3600);
        var completed = await Control.SeedAsync("octo-org", "hello-world", 7);
        await Control.SeedAsync("octo-org", "hello-world", 4, state: "failed", archived: true);
        for (var i = 0; i < 3; i++)
        {
            await Api.StartAsync($$"""{"prompt":"started {{i}}"}""");
        }

        await Control.SeedAsync("octo-org", "hello-world", 5, state: "queued");
        await Control.SeedAsync("octo-org", "other-repo", 3);
        await Control.SetStateAsync(completed[2], "cancelled");

        foreach (var order in new[] { "", "sort=created_at", "direction=asc", "sort=created_at&direction=asc" })
        {
            foreach (var archived in new[] { "", "is_archived=true" })
            {
                for (var page = 1; page <= 4; page++)
                {
                    var query = $"{order}&{archived}&per_page=4&page={page}";
                    var fromIndex = await Api.GetJsonAsync($"{RepositoryList}?{query}");
                    var fromSort = await Api.GetJsonAsync($"{RepositoryList}?{query}&state={EveryState}");
                    Assert.Equal(fromSort.Ids(), fromIndex.Ids());
                    Assert.Equal(fromSort.GetProperty("total_active_count").GetInt32(), fromIndex.GetProperty("total_active_count").GetInt32());
                    Assert.Equal(fromSort.GetProperty("total_archived_count").GetInt32(), fromIndex.GetProperty("total_archived_count").GetInt32());
                }
            }
        }
    }

    [Fact]
    public async Task ASeededRepositoryOfManyTasksPagesInOrderWithoutGapsOrRepeats()
    {
        var ids = await Control.SeedAsync("octo-org", "hello-world", 1000);

        var listed = new List<string>();
        for (var page = 1; page <= 10; page++)
        {
            listed.AddRange((await Api.GetJsonAsync($"{RepositoryList}?per_page=100&page={page}")).Ids());
        }

        Assert.Equal(ids.Reverse(), listed);
    }
}
