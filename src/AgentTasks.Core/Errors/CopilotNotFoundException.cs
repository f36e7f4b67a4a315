namespace AgentTasks.Core.Errors;

/// <summary>404: the task or repository does not exist, or the token cannot see it.</summary>
public sealed class CopilotNotFoundException : CopilotApiException
{
    internal CopilotNotFoundException(string errorId, string category, ApiFailure failure, string? hint = null)
        : base(errorId, category, failure, hint)
    {
    }
}
