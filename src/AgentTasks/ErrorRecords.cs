using System;
using System.Management.Automation;
using AgentTasks.Core.Errors;

namespace AgentTasks;

/// <summary>Turns the core's exceptions into ErrorRecords: the stable ErrorId, the category the core names, the
/// caller's target (else the task id or repository the core names), and the full message (GitHub's message,
/// documentation URL, request id) in ErrorDetails, and advice as the recommended action: the core's hint when it has
/// one, else what to do about that ErrorId (<see cref="ErrorAdvice"/>).</summary>
internal static class ErrorRecords
{
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

    /// <summary>A page that could not be opened (Show-CopilotTask): the module's own failure, not the core's.</summary>
    public static ErrorRecord BrowserUnavailable(string taskId, string message) =>
        Record(new InvalidOperationException(message), ErrorIds.BrowserUnavailable, ErrorCategory.ResourceUnavailable, taskId, message);

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
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = hint ?? ErrorAdvice.For(errorId) },
        };
}
