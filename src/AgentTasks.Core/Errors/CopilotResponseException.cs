using System;

namespace AgentTasks.Core.Errors;

/// <summary>The server answered with success but a body that is not the JSON the API describes.</summary>
public sealed class CopilotResponseException : CopilotException
{
    internal CopilotResponseException(string message, string? target, string? requestId, Exception? inner)
        : base("CopilotInvalidResponse", "InvalidResult", message, target, inner)
    {
        RequestId = requestId;
    }

    public string? RequestId { get; }
}
