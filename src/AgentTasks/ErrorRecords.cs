using System;
using System.Collections.Generic;
using System.Management.Automation;
using AgentTasks.Core.Errors;

namespace AgentTasks;

/// <summary>Turns the core's exceptions into ErrorRecords: the stable ErrorId, the category the core names, the
/// caller's target (else the task id or repository the core names), and the full message (GitHub's message,
/// documentation URL, request id) in ErrorDetails, and advice as the recommended action: the core's hint when it has
/// one, else what to do about that ErrorId.</summary>
internal static class ErrorRecords
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
        [ErrorIds.UnexpectedError] = "This is a bug in AgentTasks: please report it, with the message.",
    };

    public static ErrorRecord From(Exception error, object? target)
    {
        switch (error)
        {
            case CopilotException copilot:
                var category = Enum.TryParse<ErrorCategory>(copilot.Category, out var parsed) ? parsed : ErrorCategory.NotSpecified;
                var hint = copilot is CopilotApiException { Hint: { } given } ? given : null;
                return Record(copilot, copilot.ErrorId, category, target ?? copilot.Target, copilot.Message, hint);
            case ArgumentException argument:
                return Record(argument, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, target, MessageOf(argument));
            default:
                return Record(error, ErrorIds.UnexpectedError, ErrorCategory.NotSpecified, target, error.Message);
        }
    }

    /// <summary>The core's message about an input, without the name of the C# parameter that .NET appends
    /// (" (Parameter 'taskId')", or a second line "Parameter name: taskId" on .NET Framework): a PowerShell user
    /// gave -Id, not taskId.</summary>
    public static string MessageOf(ArgumentException error)
    {
        if (error.GetType() != typeof(ArgumentException) || string.IsNullOrEmpty(error.ParamName))
        {
            return error.Message;
        }

        // What .NET appends is what it makes of an empty message with the same parameter name.
        var appended = new ArgumentException("", error.ParamName).Message;
        return error.Message.EndsWith(appended, StringComparison.Ordinal) ? error.Message.Substring(0, error.Message.Length - appended.Length) : error.Message;
    }

    private static ErrorRecord Record(Exception error, string errorId, ErrorCategory category, object? target, string message, string? hint = null) =>
        new(error, errorId, category, target)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = hint ?? Advice[errorId] },
        };
}
