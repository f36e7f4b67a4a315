using System;
using System.Threading;
using System.Threading.Tasks;

namespace AgentTasks.Core;

/// <summary>Time as the client and the waiter see it, so that retry and poll waits can be tested without waiting.</summary>
internal interface IClock
{
    DateTimeOffset UtcNow { get; }

    Task Delay(TimeSpan delay, CancellationToken cancellationToken);
}

internal sealed class SystemClock : IClock
{
    public static readonly SystemClock Instance = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
