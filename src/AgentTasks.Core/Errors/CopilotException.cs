using System;

namespace AgentTasks.Core.Errors;

/// <summary>The base of every failure the core reports. <see cref="ErrorId"/> is stable: scripts and the
/// cmdlets' ErrorRecords rely on it. Messages never hold the token.</summary>
public abstract class CopilotException : Exception
{
    protected CopilotException(string errorId, string category, string message, string? target, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Category = category;
        Target = target;
    }

    /// <summary>A stable identifier such as <c>CopilotTaskNotFound</c>.</summary>
    public string ErrorId { get; }

    /// <summary>The name of the PowerShell <c>ErrorCategory</c> that fits (AuthenticationError, ObjectNotFound, ...).
    /// A name rather than the enum, so that this assembly stays free of PowerShell.</summary>
    public string Category { get; }

    /// <summary>What the failure is about: a task id or <c>owner/repo</c>, when there is one.</summary>
    public string? Target { get; }

    /// <summary>True when every later call with the same settings would fail the same way (no token, a bad base
    /// URI, a token the server does not accept), so a pipeline should stop rather than fail item by item.</summary>
    public virtual bool AffectsEveryCall => false;

    /// <summary>True for a failed request that the server may have acted on all the same (a timeout, a broken
    /// connection, a 5xx, an unreadable success): for a start, its task may exist.</summary>
    internal bool MayHaveActed { get; set; }
}
