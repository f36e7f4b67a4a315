using System;

namespace AgentTasks.Core.Errors;

/// <summary>The server could not be reached, or the connection broke before an answer came.</summary>
public sealed class CopilotConnectionException : CopilotException
{
    internal CopilotConnectionException(string message, string? target, Exception? inner)
        : base("CopilotConnectionFailed", "ConnectionError", message, target, inner)
    {
    }
}
