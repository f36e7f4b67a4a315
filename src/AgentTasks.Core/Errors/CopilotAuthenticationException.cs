namespace AgentTasks.Core.Errors;

/// <summary>401: no valid token.</summary>
public sealed class CopilotAuthenticationException : CopilotApiException
{
    internal CopilotAuthenticationException(string errorId, string category, ApiFailure failure, string? hint = null)
        : base(errorId, category, failure, hint)
    {
    }
}
