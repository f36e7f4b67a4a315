using System.Collections.Generic;

namespace AgentTasks.Core.Errors;

/// <summary>What to do about each ErrorId: the RecommendedAction of its error records. Every id of
/// <see cref="ErrorIds"/> has an entry (a test holds it to that).</summary>
internal static class ErrorAdvice
{
    private static readonly Dictionary<string, string> Advice = new()
    {
        [ErrorIds.TaskNotFound] = "Check the id (Get-CopilotTask lists your tasks); with -Repository, the task must belong to that repository.",
        [ErrorIds.RepositoryNotFound] = "Check owner/repo, and that the token can see the repository (repository permission \"Agent tasks\").",
        [ErrorIds.AuthenticationFailed] = "Give a valid user token: -Token, Connect-CopilotAgent -Token, or the GH_TOKEN or GITHUB_TOKEN environment variable.",
        [ErrorIds.PermissionDenied] = "Check the token's \"Agent tasks\" permission for the repository (read and write to start tasks), and that Copilot cloud agent is enabled there.",
        [ErrorIds.ValidationFailed] = "Correct what GitHub names in the message, then run the command again.",
        [ErrorIds.RateLimited] = "Wait until the time the message gives, then run the command again; fewer or slower requests avoid it.",
        [ErrorIds.ServerError] = "Try again later; if it goes on, quote the request id in the message to GitHub support.",
        [ErrorIds.Timeout] = "Try again later, or allow more time with -RequestTimeoutSeconds, -OperationTimeoutSeconds or -Timeout.",
        [ErrorIds.ConnectionFailed] = "Check the network and the base URI (Get-CopilotAgentConnection), then try again.",
        [ErrorIds.InvalidResponse] = "Try again; if it goes on, something between you and GitHub (a proxy) may be changing the answers.",
        [ErrorIds.StartUnconfirmed] = "Look for the task with Get-CopilotTask -Repository owner/repo before you start the prompt again.",
        [ErrorIds.ListingIncomplete] = "Run the listing again, or narrow it (-State, -Since) so that it needs fewer pages.",
        [ErrorIds.TokenMissing] = "Pass -Token, run Connect-CopilotAgent -Token, or set the GH_TOKEN (or GITHUB_TOKEN) environment variable.",
        [ErrorIds.InvalidBaseUri] = "Give an https base URI (http only to a loopback address) with Connect-CopilotAgent -BaseUri, or correct GITHUB_API_URL.",
        [ErrorIds.InvalidArgument] = "Correct the value the message names, then run the command again.",
        [ErrorIds.BrowserUnavailable] = "Open the task's HtmlUrl yourself (Get-CopilotTask <id> | Select-Object HtmlUrl), or run Show-CopilotTask where a desktop browser is set up.",
        [ErrorIds.UnexpectedError] = "This is a bug in AgentTasks: please report it, with the message.",
    };

    public static string For(string errorId) => Advice.TryGetValue(errorId, out var advice) ? advice : Advice[ErrorIds.UnexpectedError];

    internal static IReadOnlyCollection<string> Known => Advice.Keys;
}
