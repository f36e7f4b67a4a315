using System;

namespace AgentTasks.Core.Errors;

/// <summary>A start whose answer left open whether GitHub acted on it, and whose task could not be found afterwards.
/// The task may still appear: starting the prompt again could double it. <see cref="Exception.InnerException"/> is
/// the failure of the request itself.</summary>
public sealed class CopilotStartUnconfirmedException : CopilotException
{
    internal CopilotStartUnconfirmedException(string errorId, string category, string message, string? target, Exception inner)
        : base(errorId, category, message, target, inner)
    {
    }
}
