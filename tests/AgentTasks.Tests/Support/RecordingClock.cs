using AgentTasks.Core.Http;

namespace AgentTasks.Tests.Support;

/// <summary>A clock whose waits return at once and are written down, so retry timing is asserted, not waited for.</summary>
internal sealed class RecordingClock : IRetryClock
{
    public DateTimeOffset UtcNow { get; set; } = DateTimeOffset.UtcNow;

    public List<TimeSpan> Delays { get; } = new();

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (Delays) Delays.Add(delay);
        return Task.CompletedTask;
    }
}
