using System.Text.Json;
using AgentTasks.Emulator.Tasks;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Emulator;

/// <summary>
/// An unfiltered list is cut from the store's index, a filtered one read off the index in order until its page is full;
/// a state filter naming every state matches every task, so the two must give the same pages, and a filtered page is the
/// unfiltered order with the others left out.
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

    [Fact]
    public async Task AFilteredPageIsTheUnfilteredOrderWithTheOthersLeftOut()
    {
        await Control.SetClockAsync(queuedSeconds: 0, runningSeconds: 3600);
        var first = await Control.SeedAsync("octo-org", "hello-world", 9, state: "failed");
        await Control.SeedAsync("octo-org", "hello-world", 6, state: "completed", archived: true);
        for (var i = 0; i < 3; i++)
        {
            await Api.StartAsync($$"""{"prompt":"started {{i}}"}""");
        }

        await Control.SeedAsync("octo-org", "hello-world", 8, state: "completed");
        await Control.SetStateAsync(first[4], "cancelled");
        var since = DateTimeOffset.UtcNow.AddMinutes(-12).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var filters = new (string Query, Func<JsonElement, bool> Keeps)[]
        {
            ("state=failed,cancelled", t => t.GetProperty("state").GetString() is "failed" or "cancelled"),
            ("state=completed", t => t.GetProperty("state").GetString() == "completed"),
            ($"since={since}", t => t.GetProperty("updated_at").GetDateTimeOffset() >= DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture)),
            ("creator_id=1", t => t.GetProperty("creator").GetProperty("id").GetInt64() == 1),
            ("creator_id=99", _ => false),
        };

        foreach (var order in new[] { "", "sort=created_at", "direction=asc", "sort=created_at&direction=asc" })
        {
            foreach (var archived in new[] { "", "is_archived=true" })
            {
                var all = (await Api.GetJsonAsync($"{RepositoryList}?{order}&{archived}&per_page=100")).GetProperty("tasks").EnumerateArray().ToArray();
                foreach (var (filter, keeps) in filters)
                {
                    var expected = all.Where(keeps).Select(t => t.GetProperty("id").GetString()!).ToArray();
                    var listed = new List<string>();
                    for (var page = 1; page <= 4; page++)
                    {
                        listed.AddRange((await Api.GetJsonAsync($"{RepositoryList}?{order}&{archived}&{filter}&per_page=3&page={page}")).Ids());
                    }

                    Assert.Equal(expected.Take(12), listed);
                }
            }
        }
    }

    [Fact]
    public void AFilteredPageReadsTheIndexOnlyUpToItsLastTask()
    {
        var now = DateTimeOffset.UtcNow;
        var store = new TaskStore(new Lifecycle(TimeSpan.FromHours(1), TimeSpan.FromHours(1), 1));
        var index = new TaskIndex();
        foreach (var task in store.Seed("o", "r", 1000, "completed", archived: false, creatorId: 1, prompt: null, now))
        {
            index.Add(task);
        }

        foreach (var sortByCreated in new[] { true, false })
        {
            var looked = 0;
            var page = index.SliceWhere(archivedTasks: false, sortByCreated, ascending: false, offset: 20, count: 10, now, task =>
            {
                looked++;
                return task.Sequence % 2 == 0;
            });

            // The 21st to 30th even task, from the newest: the walk stops at the 59th task of 1,000.
            Assert.Equal(Enumerable.Range(0, 10).Select(i => 1000L - 40 - (2 * i)), page.Select(t => t.Sequence));
            Assert.Equal(59, looked);
        }
    }
}
