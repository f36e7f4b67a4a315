using System;
using System.Threading;
using System.Threading.Tasks;

namespace AgentTasks.Core.Http;

/// <summary>Time as the client sees it, so that retry waits can be tested without waiting.</summary>
internal interface IRetryClock
{
    DateTimeOffset UtcNow { get; }

    Task Delay(TimeSpan delay, CancellationToken cancellationToken);
}

internal sealed class SystemRetryClock : IRetryClock
{
    public static readonly SystemRetryClock Instance = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
