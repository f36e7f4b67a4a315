namespace AgentTasks.Core.Errors;

/// <summary>403: the token may not do this.</summary>
public sealed class CopilotPermissionException : CopilotApiException
{
    internal CopilotPermissionException(string errorId, ApiFailure failure, string? hint = null)
        : base(errorId, failure, hint)
    {
    }
}
