using System.Runtime.CompilerServices;
using AgentTasks.Core.Models;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>No page of a listing leads to the pages after it. When the page asked for ahead was a link on the page before
/// it, a page that had lived through two collections (so in gen2, as in any long session) and was then done with kept
/// every later page alive through each young collection until the next full one: in pwsh, 6 MB promoted at one
/// collection of a 20,000-task listing, and 4 MiB more peak working set.</summary>
public class ListingMemoryTests : AgentTasks.Tests.Emulator.EmulatorTestBase
{
    public ListingMemoryTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task APageDoneWithKeepsNoLaterPageAliveThroughAYoungCollection()
    {
        await Control.SeedAsync(Clients.Repo.Owner, Clients.Repo.Repo, 120);
        var listing = Clients.For(Emulator.BaseUri).ListRepositoryTasks(Clients.Repo, new RepositoryTaskQuery { PageSize = 4 });
        var pages = new List<WeakReference>();
        int? keptAtPage20 = null;
        var count = 0;

        for (var page = await listing.NextPageAsync(); page is not null; page = await listing.NextPageAsync())
        {
            count += page.Count;
            pages.Add(Weakly(page[0]));
            if (pages.Count == 2)
            {
                // What the listing holds now (page 3, asked for ahead) goes to gen2, as in a session that has run a while.
                Collect(2);
                Collect(2);
            }
            else if (pages.Count == 20)
            {
                page = null;
                // Gen0 and gen1, not gen2: what page 3 points to lives only if it is a link from there.
                Collect(1);
                // Pages 4 to 17: none is held by the caller or the listing any more.
                keptAtPage20 = pages.GetRange(3, 14).Count(p => p.IsAlive);
            }
        }

        Assert.Equal(120, count);
        // Linked, all 14 live. A collection of its own during the listing can have moved the two or three pages then in
        // use to gen2 (a machine with a small cache runs many): a few, never most.
        Assert.InRange(keptAtPage20!.Value, 0, 4);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference Weakly(CopilotTask task) => new(task);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Collect(int generation) => GC.Collect(generation, GCCollectionMode.Forced, blocking: true);
}
