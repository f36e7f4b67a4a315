using System.Runtime.CompilerServices;
using AgentTasks.Core;

namespace AgentTasks.Tests.Core;

/// <summary>A listing's memory of the ids it returned: exact (ordinal), and without keeping the tasks' strings.</summary>
public class SeenTaskIdsTests
{
    [Fact]
    public void AnIdIsNewOnlyTheFirstTimeWhateverItsForm()
    {
        var seen = new SeenTaskIds();
        var ids = new[] { "a1b2c3d4-e5f6-7890-abcd-ef1234567890", "A1B2C3D4-E5F6-7890-ABCD-EF1234567890", "a1b2c3d4e5f67890abcdef1234567890", "t1", "T1", "a1b2c3d4-e5f6-7890-abcd-ef123456789g" };

        Assert.All(ids, id => Assert.True(seen.Add(id), id));
        Assert.All(ids, id => Assert.False(seen.Add(new string(id.ToCharArray())), id));
        Assert.Equal(ids.Length, seen.Count);
    }

    [Fact]
    public void AUuidIdIsKeptWithoutItsString()
    {
        var seen = new SeenTaskIds();

        var id = AddFreshUuid(seen);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(id.IsAlive);
        Assert.Equal(1, seen.Count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AddFreshUuid(SeenTaskIds seen)
    {
        var id = Guid.NewGuid().ToString();
        Assert.True(seen.Add(id));
        Assert.False(seen.Add(id));
        return new WeakReference(id);
    }
}
