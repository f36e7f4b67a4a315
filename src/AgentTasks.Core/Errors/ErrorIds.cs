namespace AgentTasks.Core.Errors;

/// <summary>Every ErrorId the module reports, in one place. Scripts match on them, so they never change.</summary>
public static class ErrorIds
{
    public const string TaskNotFound = "CopilotTaskNotFound";
    public const string RepositoryNotFound = "CopilotRepositoryNotFound";
    public const string AuthenticationFailed = "CopilotAuthenticationFailed";
    public const string PermissionDenied = "CopilotPermissionDenied";
    public const string ValidationFailed = "CopilotValidationFailed";
    public const string RateLimited = "CopilotRateLimited";
    public const string ServerError = "CopilotServerError";
    public const string Timeout = "CopilotTimeout";
    public const string ConnectionFailed = "CopilotConnectionFailed";
    public const string InvalidResponse = "CopilotInvalidResponse";
    /// <summary>A listing that stopped before its end, after some of its tasks.</summary>
    public const string ListingIncomplete = "CopilotListingIncomplete";
    /// <summary>A start that may or may not have happened: its task was not found afterwards.</summary>
    public const string StartUnconfirmed = "CopilotStartUnconfirmed";
    public const string TokenMissing = "CopilotTokenMissing";
    public const string InvalidBaseUri = "CopilotInvalidBaseUri";
    /// <summary>Input refused before any request (a malformed repository, an empty prompt, ...).</summary>
    public const string InvalidArgument = "CopilotInvalidArgument";
    /// <summary>A task's page that Show-CopilotTask could not open (no browser, or no page address).</summary>
    public const string BrowserUnavailable = "CopilotBrowserUnavailable";
    /// <summary>A failure the module did not foresee; seeing it is a bug to report.</summary>
    public const string UnexpectedError = "CopilotUnexpectedError";
}
