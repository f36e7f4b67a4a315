using System.Collections.Concurrent;
using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using System.Threading;
using System;
using AgentTasks.Core.CmdletSupport;
using AgentTasks.Core.Errors;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>What every AgentTasks cmdlet shares: -Token, a client built from the runspace's connection, awaiting
/// on the pipeline thread with Ctrl+C wired to a CancellationToken, verbose lines from the core, and failures
/// turned into ErrorRecords.</summary>
public abstract class CopilotCmdlet : PSCmdlet, IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);
    private readonly CancellationTokenSource cancellation = new();
    // The core logs from whatever thread a request completes on; Write* is allowed on the pipeline thread only.
    private readonly ConcurrentQueue<string> verboseLines = new();
    private CopilotTaskClient? client;

    /// <summary>A token for this call only; a plain string is accepted too. Default: the connection's, then GH_TOKEN, then GITHUB_TOKEN.</summary>
    [Parameter]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    protected CancellationToken Cancellation => cancellation.Token;

    private protected ConnectionSettings Connection => ConnectionStore.Current(SessionState);

    /// <summary>The client for this invocation, made on first use: a missing token or a bad base URI stops the pipeline.</summary>
    protected CopilotTaskClient Client
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
                return client = new CopilotTaskClient(Connection.ToClientOptions(callToken, verboseLines.Enqueue));
            }
            catch (Exception e) when (e is CopilotException or ArgumentException)
            {
                // No usable token or base URI: every call of this pipeline would fail the same way.
                ThrowTerminatingError(ErrorRecords.From(e, null));
                throw;
            }
        }
    }

    protected override void StopProcessing() => cancellation.Cancel();

    public void Dispose()
    {
        cancellation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Waits for the task on this (the pipeline) thread, writing the core's verbose lines meanwhile.
    /// Ctrl+C surfaces as PipelineStoppedException, which is how PowerShell expects a stopped cmdlet to end.</summary>
    protected void Await(Task task)
    {
        while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(FlushInterval))
        {
            FlushVerbose();
        }

        FlushVerbose();
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    protected T Await<T>(Task<T> task)
    {
        Await((Task)task);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Reports a failure about one item: non-terminating, unless it would make every later item fail too.
    /// <paramref name="about"/> names the item in the message when the target alone would not (a prompt).</summary>
    protected void WriteFailure(Exception error, object? target, string? about = null)
    {
        FlushVerbose();
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

    protected void FlushVerbose()
    {
        while (verboseLines.TryDequeue(out var line))
        {
            WriteVerbose(line);
        }
    }
}
