using System;
using System.Management.Automation;
using AgentTasks.Core.Errors;

namespace AgentTasks;

/// <summary>Turns the core's exceptions into ErrorRecords: the stable ErrorId, the category the core names, the
/// task id or repository as target, and the full message (GitHub's message, documentation URL, request id) in
/// ErrorDetails, with our hint as the recommended action.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(Exception error, object? target)
    {
        switch (error)
        {
            case CopilotException copilot:
                var category = Enum.TryParse<ErrorCategory>(copilot.Category, out var parsed) ? parsed : ErrorCategory.NotSpecified;
                var record = new ErrorRecord(copilot, copilot.ErrorId, category, copilot.Target ?? target)
                {
                    ErrorDetails = new ErrorDetails(copilot.Message),
                };
                if (copilot is CopilotApiException { Hint: { } hint })
                {
                    record.ErrorDetails.RecommendedAction = hint;
                }

                return record;
            case ArgumentException argument:
                return new ErrorRecord(argument, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, target)
                {
                    ErrorDetails = new ErrorDetails(MessageOf(argument)),
                };
            default:
                return new ErrorRecord(error, ErrorIds.UnexpectedError, ErrorCategory.NotSpecified, target);
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
}
