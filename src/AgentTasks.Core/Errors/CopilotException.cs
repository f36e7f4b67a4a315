using System;

namespace AgentTasks.Core.Errors;

/// <summary>The base of every failure the core reports. <see cref="ErrorId"/> is stable: scripts and the
/// cmdlets' ErrorRecords rely on it. Messages never hold the token.</summary>
public abstract class CopilotException : Exception
{
    protected CopilotException(string errorId, string message, string? target, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Target = target;
    }

    /// <summary>A stable identifier such as <c>CopilotTaskNotFound</c>.</summary>
    public string ErrorId { get; }

    /// <summary>What the failure is about: a task id or <c>owner/repo</c>, when there is one.</summary>
    public string? Target { get; }
}
