using AgentTasks.Core;

namespace AgentTasks.Tests.Support;

/// <summary>A clock whose waits return at once, are written down, and move its time on, so retry and poll
/// timing is asserted, not waited for.</summary>
internal sealed class RecordingClock : IClock
{
    private readonly object gate = new();
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (gate)
            {
                return now;
            }
        }
    }

    public List<TimeSpan> Delays { get; } = new();

    /// <summary>Runs after each wait, e.g. to change the world while the waiter "sleeps".</summary>
    public Func<Task>? OnDelay { get; set; }

    public async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            Delays.Add(delay);
            now += delay;
        }
        if (OnDelay is not null)
        {
            await OnDelay();
        }
    }
}
