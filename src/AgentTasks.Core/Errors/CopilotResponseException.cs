using System;

namespace AgentTasks.Core.Errors;

/// <summary>The server answered with success but a body that is not the JSON the API describes.</summary>
public sealed class CopilotResponseException : CopilotException
{
    internal CopilotResponseException(string errorId, string category, string message, string? target, string? requestId, Exception? inner)
        : base(errorId, category, message, target, inner)
    {
        RequestId = requestId;
    }

    public string? RequestId { get; }
}
