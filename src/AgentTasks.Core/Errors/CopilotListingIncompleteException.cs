using System;

namespace AgentTasks.Core.Errors;

/// <summary>A listing that stopped before its end: <see cref="Delivered"/> tasks were returned before it, and the
/// rest is unknown. <see cref="Exception.InnerException"/> is the failure of the page that could not be read, if any.</summary>
public sealed class CopilotListingIncompleteException : CopilotException
{
    internal CopilotListingIncompleteException(string errorId, string category, string message, string? target, int delivered, Exception? inner)
        : base(errorId, category, message, target, inner)
    {
        Delivered = delivered;
    }

    /// <summary>How many tasks the listing returned before it stopped.</summary>
    public int Delivered { get; }
}
