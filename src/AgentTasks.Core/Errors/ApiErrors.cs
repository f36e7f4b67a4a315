namespace AgentTasks.Core.Errors;

/// <summary>Chooses the exception type and stable ErrorId for an error status.</summary>
internal static class ApiErrors
{
    private const string InstallationTokenHint =
        "The token is a GitHub App installation token (ghs_..., which includes the Actions GITHUB_TOKEN): the agent tasks API refuses those. Use a personal access token, an OAuth app token or a GitHub App user token.";

    public static CopilotApiException From(ApiFailure failure, bool isInstallationToken, bool taskScoped)
    {
        var hint = isInstallationToken && failure.StatusCode is 401 or 403 && !failure.IsRateLimit ? InstallationTokenHint : null;
        return failure.StatusCode switch
        {
            401 => new CopilotAuthenticationException("CopilotAuthenticationFailed", failure, hint),
            403 when failure.IsRateLimit => new CopilotRateLimitException("CopilotRateLimited", failure),
            403 => new CopilotPermissionException("CopilotPermissionDenied", failure, hint),
            404 => new CopilotNotFoundException(taskScoped ? "CopilotTaskNotFound" : "CopilotRepositoryNotFound", failure),
            400 or 422 => new CopilotValidationException("CopilotValidationFailed", failure),
            429 => new CopilotRateLimitException("CopilotRateLimited", failure),
            _ => new CopilotServerException("CopilotServerError", failure),
        };
    }
}
