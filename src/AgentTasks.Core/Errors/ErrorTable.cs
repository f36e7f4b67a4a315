using System;
using AgentTasks.Core.Http;

namespace AgentTasks.Core.Errors;

/// <summary>The one map from what came back (an error status and its rate-limit kind, or an answer that never came)
/// to what is reported: the exception type, its ErrorId and its ErrorCategory. Pattern: octokit's
/// <c>Connection._httpExceptionMap</c>, extended to the transport and to failures found before any request.</summary>
internal static class ErrorTable
{
    private const string InstallationTokenHint =
        "The token is a GitHub App installation token (ghs_..., which includes the Actions GITHUB_TOKEN): the agent tasks API refuses those. Use a personal access token, an OAuth app token or a GitHub App user token.";

    /// <summary>The exception for an attempt that failed and will not be tried again; <paramref name="budget"/> is the
    /// operation timeout when it is what stopped the retries.</summary>
    public static CopilotException For(ApiCall call, AttemptOutcome outcome, int attempts, TimeSpan? budget, bool installationToken)
    {
        var error = Describe(call, outcome, attempts, budget, installationToken);
        error.MayHaveActed = outcome.Kind is OutcomeKind.Timeout or OutcomeKind.ConnectionLost or OutcomeKind.MalformedBody
            || (outcome.Kind == OutcomeKind.Status && outcome.StatusCode >= 500);
        return error;
    }

    private static CopilotException Describe(ApiCall call, AttemptOutcome outcome, int attempts, TimeSpan? budget, bool installationToken)
    {
        if (outcome.Kind == OutcomeKind.Status)
        {
            return ForStatus(outcome.Failure!, installationToken, call.TaskScoped);
        }

        var what = $"{call.Method} {call.Uri.AbsolutePath}";
        var tries = (attempts > 1 ? $" after {attempts} attempts" : "")
            + (budget is { } spent ? $" (the call's time budget of {spent.TotalSeconds:0} s left no room for another)" : "");
        var cause = outcome.Cause;
        return outcome.Kind switch
        {
            OutcomeKind.Timeout => new CopilotTimeoutException(ErrorIds.Timeout, "OperationTimeout",
                $"{what} got no answer in time{tries}.", call.Target, cause),
            OutcomeKind.MalformedBody => new CopilotResponseException(ErrorIds.InvalidResponse, "InvalidResult",
                $"{what} answered {outcome.StatusCode} with a body that is not the JSON the API describes{tries}. Request id: {outcome.RequestId ?? "?"}.",
                call.Target, outcome.RequestId, cause),
            OutcomeKind.NotSent => new CopilotConnectionException(ErrorIds.ConnectionFailed, "ConnectionError",
                $"{what}: could not connect to {call.Uri.Scheme}://{call.Uri.Authority}{tries}: {cause?.Message}", call.Target, cause),
            _ => new CopilotConnectionException(ErrorIds.ConnectionFailed, "ConnectionError",
                $"{what}: the connection broke before an answer came{tries}.", call.Target, cause),
        };
    }

    public static CopilotApiException ForStatus(ApiFailure failure, bool installationToken, bool taskScoped)
    {
        var hint = installationToken && failure.StatusCode is 401 or 403 && failure.RateLimit == RateLimitKind.None ? InstallationTokenHint : null;
        return failure.StatusCode switch
        {
            401 => new CopilotAuthenticationException(ErrorIds.AuthenticationFailed, "AuthenticationError", failure, hint),
            403 or 429 when failure.RateLimit != RateLimitKind.None => new CopilotRateLimitException(ErrorIds.RateLimited, "LimitsExceeded", failure),
            403 => new CopilotPermissionException(ErrorIds.PermissionDenied, "PermissionDenied", failure, hint),
            404 when taskScoped => new CopilotNotFoundException(ErrorIds.TaskNotFound, "ObjectNotFound", failure),
            404 => new CopilotNotFoundException(ErrorIds.RepositoryNotFound, "ObjectNotFound", failure),
            400 or 422 => new CopilotValidationException(ErrorIds.ValidationFailed, "InvalidArgument", failure),
            _ => new CopilotServerException(ErrorIds.ServerError, "ResourceUnavailable", failure),
        };
    }

    /// <summary>A start that may have happened and whose task was not found: <paramref name="finding"/> says why.</summary>
    public static CopilotStartUnconfirmedException StartUnconfirmed(CopilotException failure, RepositoryName repository, string finding) =>
        new(ErrorIds.StartUnconfirmed, "OperationStopped",
            $"The start in {repository} may or may not have happened: {failure.Message} {finding}. The task may still appear: look with Get-CopilotTask -Repository {repository} before starting the prompt again, or it could be doubled.",
            failure.Target, failure);

    /// <summary>A listing that cannot go on: <paramref name="why"/> says what stopped it, after <paramref name="delivered"/> tasks.</summary>
    public static CopilotListingIncompleteException ListingIncomplete(string? target, int delivered, string why, Exception? cause = null) =>
        new(ErrorIds.ListingIncomplete, "ReadError",
            $"The listing{(target is null ? "" : " of " + target)} is incomplete: it stopped after {delivered} tasks, because {why}. The tasks after them were not read.",
            target, delivered, cause);

    /// <summary>A wait that ran past its -Timeout with the task still running.</summary>
    public static CopilotTimeoutException WaitTimedOut(string message, string target) =>
        new(ErrorIds.Timeout, "OperationTimeout", message, target, null);

    public static CopilotConfigurationException TokenMissing(string message) =>
        new(ErrorIds.TokenMissing, "AuthenticationError", message);

    public static CopilotConfigurationException InvalidBaseUri(string message) =>
        new(ErrorIds.InvalidBaseUri, "InvalidArgument", message);
}
