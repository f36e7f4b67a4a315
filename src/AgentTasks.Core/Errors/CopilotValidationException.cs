namespace AgentTasks.Core.Errors;

/// <summary>400 or 422: the server refused the input.</summary>
public sealed class CopilotValidationException : CopilotApiException
{
    internal CopilotValidationException(string errorId, string category, ApiFailure failure, string? hint = null)
        : base(errorId, category, failure, hint)
    {
    }
}
