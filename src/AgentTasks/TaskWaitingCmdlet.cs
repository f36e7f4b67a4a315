using System;
using System.Collections.Generic;
using System.Management.Automation;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Waiting;

namespace AgentTasks;

/// <summary>The wait shared by Wait-CopilotTask and New-CopilotTask -Wait: poll rounds from the core, progress
/// between them, then the stopped tasks, and for each task still running at the timeout an OperationTimeout
/// error followed by the last object seen.</summary>
public abstract class TaskWaitingCmdlet : CopilotCmdlet
{
    private const int ProgressId = 1;
    private const string Activity = "Waiting for Copilot tasks";

    /// <summary>Seconds to wait at most (-1, the default: no limit). Tasks still running then get an
    /// OperationTimeout error each, followed by the last state seen. New-CopilotTask uses it with -Wait.</summary>
    [Parameter]
    [ValidateRange(-1, int.MaxValue)]
    public int Timeout { get; set; } = -1;

    /// <summary>Seconds between poll rounds.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int PollInterval { get; set; } = (int)WaitOptions.DefaultPollInterval.TotalSeconds;

    /// <summary>Return the tasks as the poll saw them, without sessions: no final read of each task that stopped.</summary>
    [Parameter]
    public SwitchParameter NoSessions { get; set; }

    private protected void WaitAndWrite(IReadOnlyList<WaitTarget> targets, bool any)
    {
        var options = new WaitOptions
        {
            Any = any,
            Timeout = Timeout < 0 ? null : TimeSpan.FromSeconds(Timeout),
            PollInterval = TimeSpan.FromSeconds(PollInterval),
            ReadSessions = !NoSessions,
        };
        var waiter = new TaskWaiter(Client, targets, options);
        while (true)
        {
            try
            {
                Await(waiter.PollAsync(Cancellation));
            }
            catch (CopilotException e)
            {
                // Only what affects every task escapes the waiter (a refused token): report what did stop first,
                // then WriteFailure makes it terminating.
                Finish(waiter);
                WriteFailure(e, e.Target);
                return;
            }
            foreach (var failure in waiter.TakeFailures())
            {
                WriteFailure(failure, failure.Target);
            }

            foreach (var warning in waiter.TakeWarnings())
            {
                WriteWarning(warning);
            }

            var progress = waiter.Progress;
            WriteProgress(new ProgressRecord(ProgressId, Activity, progress.Status) { PercentComplete = progress.PercentComplete, CurrentOperation = progress.PendingTasks });
            if (waiter.IsDone)
            {
                break;
            }

            Await(waiter.DelayAsync(Cancellation));
        }
        Finish(waiter);
        if (!waiter.TimedOut)
        {
            return;
        }

        foreach (var (error, lastSeen) in waiter.TimeoutResults())
        {
            WriteFailure(error, error.Target);
            if (lastSeen is not null)
            {
                WriteTask(lastSeen);
            }
        }
    }

    private void Finish(TaskWaiter waiter)
    {
        WriteProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        foreach (var task in waiter.Stopped)
        {
            WriteTask(task);
        }
    }
}
