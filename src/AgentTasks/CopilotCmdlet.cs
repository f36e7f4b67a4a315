using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using AgentTasks.Core;
using AgentTasks.Core.CmdletSupport;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Models;

namespace AgentTasks;

/// <summary>What every AgentTasks cmdlet shares: -Token and the timeouts, a client built from the runspace's
/// connection, awaiting on the pipeline thread with Ctrl+C wired to a CancellationToken, verbose lines and warnings
/// from the core, and failures turned into ErrorRecords.</summary>
public abstract class CopilotCmdlet : PSCmdlet, IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);
    private readonly CancellationTokenSource cancellation = new();
    // The core logs and warns from whatever thread a request completes on; Write* is allowed on the pipeline thread only.
    private readonly ConcurrentQueue<(bool IsWarning, string Text)> coreLines = new();
    private CopilotTaskClient? client;

    /// <summary>A token for this call only; a plain string is accepted too. Default: the connection's, then GH_TOKEN, then GITHUB_TOKEN.</summary>
    [Parameter]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    /// <summary>Seconds one request may take before it counts as timed out. Default: the connection's, else 30.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int? RequestTimeoutSeconds { get; set; }

    /// <summary>Seconds one call may take in all, across its retries and rate-limit waits. Default: the connection's, else 300.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int? OperationTimeoutSeconds { get; set; }

    private protected CancellationToken Cancellation => cancellation.Token;

    private protected ConnectionSettings Connection => ConnectionStore.Current(SessionState);

    /// <summary>The client for this invocation, made on first use: a missing token or a bad base URI stops the pipeline.</summary>
    private protected CopilotTaskClient Client
    {
        get
        {
            if (client is not null)
            {
                return client;
            }

            try
            {
                var callToken = Token is null ? null : CopilotToken.FromSecureString(Token);
                var options = Connection.ToClientOptions(callToken, Seconds(RequestTimeoutSeconds), Seconds(OperationTimeoutSeconds));
                options.Log = line => coreLines.Enqueue((false, line));
                options.Warning = line => coreLines.Enqueue((true, line));
                return client = new CopilotTaskClient(options);
            }
            catch (Exception e) when (e is CopilotException or ArgumentException)
            {
                // No usable token or base URI: every call of this pipeline would fail the same way.
                ThrowTerminatingError(ErrorRecords.From(e, null));
                throw;
            }
        }
    }

    private protected static TimeSpan? Seconds(int? seconds) => seconds is { } value ? TimeSpan.FromSeconds(value) : null;

    protected override void StopProcessing() => cancellation.Cancel();

    public void Dispose()
    {
        // A pipeline that ends early (Select-Object -First) disposes the cmdlet: what it still had in flight, such as
        // a listing's next page, is called off rather than left to finish for nothing.
        cancellation.Cancel();
        cancellation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Waits for the task on this (the pipeline) thread, writing the core's verbose lines meanwhile.
    /// Ctrl+C surfaces as PipelineStoppedException, which is how PowerShell expects a stopped cmdlet to end.</summary>
    private protected void Await(Task task)
    {
        // A task already done (a listing's page that came while the last one was written) needs no wait handle: the
        // handle is an event made for each task and left to the finalizer.
        while (!task.IsCompleted && !((IAsyncResult)task).AsyncWaitHandle.WaitOne(FlushInterval))
        {
            FlushCoreLines();
        }

        FlushCoreLines();
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    private protected T Await<T>(Task<T> task)
    {
        Await((Task)task);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Reports a failure about one item: non-terminating, unless it would make every later item fail too.
    /// <paramref name="about"/> names the item in the message when the target alone would not (a prompt).</summary>
    private protected void WriteFailure(Exception error, object? target, string? about = null)
    {
        FlushCoreLines();
        var record = ErrorRecords.From(error, target);
        if (about is not null)
        {
            record.ErrorDetails = new ErrorDetails($"{about}: {record.ErrorDetails?.Message ?? error.Message}") { RecommendedAction = record.ErrorDetails?.RecommendedAction };
        }

        if (error is CopilotException { AffectsEveryCall: true })
        {
            ThrowTerminatingError(record);
        }

        WriteError(record);
    }

    /// <summary>Writes a task, and remembers it for tab completion (-Id, -Repository).</summary>
    private protected void WriteTask(CopilotTask task)
    {
        SeenThisSession.Task(task);
        WriteObject(task);
    }

    /// <summary>Writes a page of tasks, remembered for tab completion a page at a time.</summary>
    private protected void WriteTasks(IReadOnlyList<CopilotTask> tasks)
    {
        SeenThisSession.Page(tasks);
        for (var i = 0; i < tasks.Count; i++)
        {
            WriteObject(tasks[i]);
        }
    }

    private protected void FlushCoreLines()
    {
        while (coreLines.TryDequeue(out var line))
        {
            if (line.IsWarning)
            {
                WriteWarning(line.Text);
            }
            else
            {
                WriteVerbose(line.Text);
            }
        }
    }
}
