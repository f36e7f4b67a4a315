namespace AgentTasks.Core.Errors;

/// <summary>5xx, or another status the API does not declare.</summary>
public sealed class CopilotServerException : CopilotApiException
{
    internal CopilotServerException(string errorId, string category, ApiFailure failure, string? hint = null)
        : base(errorId, category, failure, hint)
    {
    }
}
