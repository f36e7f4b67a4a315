using AgentTasks.Core;

namespace AgentTasks.Tests.Core;

/// <summary>Starts stay within GitHub's secondary limits for content creation: 80 a minute, 500 an hour.</summary>
public class StartPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EightyStartsGoAtOnceAndTheNextWaitsForTheMinute()
    {
        var pacer = new StartPacer();
        var waits = Enumerable.Range(0, StartPacer.PerMinute + 2).Select(_ => pacer.Reserve(Start)).ToList();

        Assert.All(waits.Take(StartPacer.PerMinute), wait => Assert.Equal(TimeSpan.Zero, wait));
        Assert.Equal(TimeSpan.FromMinutes(1), waits[StartPacer.PerMinute]);
        Assert.Equal(TimeSpan.FromMinutes(1), waits[StartPacer.PerMinute + 1]);
    }

    [Fact]
    public void NoSixtySecondsEverHoldMoreThanEighty()
    {
        var pacer = new StartPacer();
        var starts = Enumerable.Range(0, 300).Select(i => Start + pacer.Reserve(Start)).ToList();

        for (var i = StartPacer.PerMinute; i < starts.Count; i++)
        {
            Assert.True(starts[i] - starts[i - StartPacer.PerMinute] >= TimeSpan.FromMinutes(1), $"start {i} is too close to start {i - StartPacer.PerMinute}");
        }
    }

    [Fact]
    public void TheFiveHundredAndFirstStartOfAnHourWaitsForTheFirstToAgeOut()
    {
        var pacer = new StartPacer();
        var now = Start;
        for (var i = 0; i < StartPacer.PerHour; i++)
        {
            now += pacer.Reserve(now);
        }

        var wait = pacer.Reserve(now);

        Assert.Equal(Start + TimeSpan.FromHours(1), now + wait);
    }

    [Fact]
    public void SlotsOlderThanAnHourAreForgotten()
    {
        var pacer = new StartPacer();
        for (var i = 0; i < StartPacer.PerMinute; i++)
        {
            pacer.Reserve(Start);
        }

        Assert.Equal(TimeSpan.Zero, pacer.Reserve(Start + TimeSpan.FromHours(2)));
    }
}
