namespace AgentTasks.Core.Errors;

/// <summary>429, or a 403 for a rate limit, still failing after the waits the retry policy allows.</summary>
public sealed class CopilotRateLimitException : CopilotApiException
{
    internal CopilotRateLimitException(string errorId, string category, ApiFailure failure, string? hint = null)
        : base(errorId, category, failure, hint)
    {
    }
}
