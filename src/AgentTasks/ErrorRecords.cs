using System;
using System.Management.Automation;
using AgentTasks.Core.Errors;

namespace AgentTasks;

/// <summary>Turns the core's exceptions into ErrorRecords: the stable ErrorId, the category the core names, the
/// caller's target (else the task id or repository the core names), and the full message (GitHub's message,
/// documentation URL, request id) in ErrorDetails, with our hint as the recommended action.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(Exception error, object? target)
    {
        switch (error)
        {
            case CopilotException copilot:
                var category = Enum.TryParse<ErrorCategory>(copilot.Category, out var parsed) ? parsed : ErrorCategory.NotSpecified;
                var record = new ErrorRecord(copilot, copilot.ErrorId, category, target ?? copilot.Target)
                {
                    ErrorDetails = new ErrorDetails(copilot.Message),
                };
                if (copilot is CopilotApiException { Hint: { } hint })
                {
                    record.ErrorDetails.RecommendedAction = hint;
                }

                return record;
            case ArgumentException argument:
                return new ErrorRecord(argument, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, target);
            default:
                return new ErrorRecord(error, ErrorIds.UnexpectedError, ErrorCategory.NotSpecified, target);
        }
    }
}
