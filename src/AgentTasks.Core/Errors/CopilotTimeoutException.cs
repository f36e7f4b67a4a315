using System;

namespace AgentTasks.Core.Errors;

/// <summary>A request got no answer within the per-request timeout (after the retries a GET is allowed).
/// Distinct from cancellation, which surfaces as <see cref="OperationCanceledException"/>.</summary>
public sealed class CopilotTimeoutException : CopilotException
{
    internal CopilotTimeoutException(string errorId, string category, string message, string? target, Exception? inner)
        : base(errorId, category, message, target, inner)
    {
    }
}
