using System;

namespace AgentTasks.Core.Waiting;

internal sealed class WaitOptions
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(10);

    /// <summary>Stop as soon as one task has stopped running.</summary>
    public bool Any { get; set; }
    /// <summary>null: wait for as long as it takes.</summary>
    public TimeSpan? Timeout { get; set; }
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;
    /// <summary>Read each task that stopped once more, in full, for its sessions (list items carry none).</summary>
    public bool ReadSessions { get; set; } = true;
}
