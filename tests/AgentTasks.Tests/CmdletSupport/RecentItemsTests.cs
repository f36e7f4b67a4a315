using AgentTasks.Core.CmdletSupport;

namespace AgentTasks.Tests.CmdletSupport;

/// <summary>What tab completion offers: the newest distinct items first, bounded, an item met again moved to the front.</summary>
public class RecentItemsTests
{
    [Fact]
    public void KeepsTheNewestFirstAndDropsTheOldestPastTheCapacity()
    {
        var recent = new RecentItems<string>(3, s => s, StringComparer.Ordinal);

        recent.RememberAll(["a", "b", "c", "d"]);

        Assert.Equal(["d", "c", "b"], recent.Snapshot());
    }

    [Fact]
    public void AnItemMetAgainMovesToTheFrontAndReplacesTheOlderOneWithoutGrowing()
    {
        var recent = new RecentItems<string>(3, s => s, StringComparer.OrdinalIgnoreCase);
        recent.RememberAll(["Octo/One", "octo/two", "octo/three"]);

        recent.Remember("octo/one");
        recent.Remember("octo/one");

        Assert.Equal(["octo/one", "octo/three", "octo/two"], recent.Snapshot());
        Assert.Equal(3, recent.Count);
    }

    [Fact]
    public void AnItemDroppedForSpaceCanComeBack()
    {
        var recent = new RecentItems<string>(2, s => s, StringComparer.Ordinal);
        recent.RememberAll(["a", "b", "c"]);

        recent.Remember("a");

        Assert.Equal(["a", "c"], recent.Snapshot());
    }

    [Fact]
    public void RememberingAnItemComparesItWithAtMostAFewOthersHoweverManyAreKept()
    {
        // A listing remembers every task it writes: a scan of the 500 kept for each one cost 10,000 tasks 5 million
        // comparisons, more time than reading them.
        var comparer = new CountingComparer();
        var recent = new RecentItems<string>(500, s => s, comparer);
        var items = Enumerable.Range(0, 10_000).Select(i => "task-" + i).ToArray();

        recent.RememberAll(items);
        recent.RememberAll(items[^500..]);

        Assert.InRange(comparer.Comparisons, 0, 2 * (items.Length + 500));
        Assert.Equal(500, recent.Count);
        Assert.Equal("task-9999", recent.Snapshot()[0]);
    }

    private sealed class CountingComparer : IEqualityComparer<string>
    {
        public int Comparisons { get; private set; }

        public bool Equals(string? x, string? y)
        {
            Comparisons++;
            return string.Equals(x, y, StringComparison.Ordinal);
        }

        public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(obj);
    }
}
