namespace AgentTasks.Core.Errors;

/// <summary>403: the token may not do this.</summary>
public sealed class CopilotPermissionException : CopilotApiException
{
    internal CopilotPermissionException(string errorId, string category, ApiFailure failure, string? hint = null)
        : base(errorId, category, failure, hint)
    {
    }
}
