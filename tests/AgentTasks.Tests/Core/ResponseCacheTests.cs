using AgentTasks.Core;

namespace AgentTasks.Tests.Core;

/// <summary>The cache keeps what polling asks again, bounded in bytes, and not every page of a one-off listing.</summary>
public class ResponseCacheTests
{
    [Theory]
    [InlineData("https://api.github.com/agents/tasks/t1", true)]
    [InlineData("https://api.github.com/agents/repos/o/r/tasks?per_page=100", true)]
    [InlineData("https://api.github.com/agents/repos/o/r/tasks?per_page=100&page=1", true)]
    [InlineData("https://api.github.com/agents/repos/o/r/tasks?per_page=100&page=2", false)]
    [InlineData("https://api.github.com/agents/repos/o/r/tasks?since=2026-01-01T00%3A00%3A00Z&page=3&per_page=100", true)]
    public void KeepsTasksFirstPagesAndTheLaterPagesOfAPoll(string uri, bool kept) =>
        Assert.Equal(kept, ResponseCache.IsWorthKeeping(new Uri(uri)));

    [Fact]
    public void TheLeastRecentlyUsedGoFirstOnceTheBytesRunOut()
    {
        var cache = new ResponseCache(capacityBytes: 3000);
        cache.Store("a", Response(900));
        cache.Store("b", Response(900));
        Assert.NotNull(cache.Find("a"));

        cache.Store("c", Response(900));

        Assert.NotNull(cache.Find("a"));
        Assert.Null(cache.Find("b"));
        Assert.NotNull(cache.Find("c"));
        Assert.InRange(cache.Bytes, 1800, 3000);
    }

    [Fact]
    public void ABodyLargerThanTheWholeCacheIsNotKeptAndDropsItsOldEntry()
    {
        var cache = new ResponseCache(capacityBytes: 3000);
        cache.Store("a", Response(100));

        cache.Store("a", Response(5000));

        Assert.Null(cache.Find("a"));
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void StoringAKeyAgainReplacesItsBytes()
    {
        var cache = new ResponseCache(capacityBytes: 3000);
        cache.Store("a", Response(1000));
        var once = cache.Bytes;

        cache.Store("a", Response(1000));

        Assert.Equal(once, cache.Bytes);
        Assert.Equal("\"e\"", cache.Find("a")!.ETag);
    }

    private static CachedResponse Response(int length) => new("\"e\"", new byte[length], null);
}
