using System;

namespace AgentTasks.Core.Waiting;

/// <summary>A snapshot for Write-Progress.</summary>
public sealed class WaitProgress
{
    internal WaitProgress(int total, int stopped, int failed, string status, TimeSpan elapsed)
    {
        Total = total;
        Stopped = stopped;
        Failed = failed;
        Status = status;
        Elapsed = elapsed;
    }

    public int Total { get; }
    public int Stopped { get; }
    /// <summary>Tasks given up on (not found, no permission).</summary>
    public int Failed { get; }
    /// <summary>e.g. "1 of 3 stopped; in_progress: 1, queued: 1".</summary>
    public string Status { get; }
    public TimeSpan Elapsed { get; }
    public int PercentComplete => Total == 0 ? 100 : (Stopped + Failed) * 100 / Total;
}
