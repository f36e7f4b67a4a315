using System;
using System.Collections.Generic;

namespace AgentTasks.Core;

/// <summary>Keeps starts within GitHub's secondary limits for requests that create content: no more than
/// <see cref="PerMinute"/> a minute and <see cref="PerHour"/> an hour. One pacer serves the whole process (every
/// runspace, <c>ForEach-Object -Parallel</c> included), since GitHub counts per user, not per PowerShell session.</summary>
internal sealed class StartPacer
{
    public const int PerMinute = 80;
    public const int PerHour = 500;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    // When each start of the last hour went, or is to go: in order, since each one is given the next free slot.
    private readonly List<DateTimeOffset> slots = new();

    public static StartPacer Shared { get; } = new();

    /// <summary>Takes the next free slot for a start and says how long to wait for it from <paramref name="now"/>.</summary>
    public TimeSpan Reserve(DateTimeOffset now)
    {
        lock (slots)
        {
            slots.RemoveAll(slot => slot <= now - Hour);
            var at = slots.Count > 0 && slots[slots.Count - 1] > now ? slots[slots.Count - 1] : now;
            if (slots.Count >= PerMinute)
            {
                at = Later(at, slots[slots.Count - PerMinute] + Minute);
            }

            if (slots.Count >= PerHour)
            {
                at = Later(at, slots[slots.Count - PerHour] + Hour);
            }

            slots.Add(at);
            return at - now;
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
