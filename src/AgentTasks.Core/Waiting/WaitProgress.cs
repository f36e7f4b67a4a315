using System;

namespace AgentTasks.Core.Waiting;

/// <summary>A snapshot for Write-Progress.</summary>
internal sealed class WaitProgress
{
    internal WaitProgress(int total, int stopped, int failed, string status, string pendingTasks, TimeSpan elapsed)
    {
        PendingTasks = pendingTasks;
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
    /// <summary>Each task still waited for with its state, e.g. "a1b2c3d4 in_progress, e5f6a7b8 queued" (the
    /// first few, then "+N more"), for the progress record's current operation.</summary>
    public string PendingTasks { get; }
    public TimeSpan Elapsed { get; }
    public int PercentComplete => Total == 0 ? 100 : (Stopped + Failed) * 100 / Total;
}
