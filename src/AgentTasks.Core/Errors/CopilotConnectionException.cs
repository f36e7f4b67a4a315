using System;

namespace AgentTasks.Core.Errors;

/// <summary>The server could not be reached, or the connection broke before an answer came.</summary>
public sealed class CopilotConnectionException : CopilotException
{
    internal CopilotConnectionException(string errorId, string category, string message, string? target, Exception? inner)
        : base(errorId, category, message, target, inner)
    {
    }
}
