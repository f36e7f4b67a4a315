namespace AgentTasks.Core.Errors;

/// <summary>A set-up problem that makes every request fail (no token, an unusable base URI), found before any request.</summary>
public sealed class CopilotConfigurationException : CopilotException
{
    public const string TokenMissing = "CopilotTokenMissing";
    public const string InvalidBaseUri = "CopilotInvalidBaseUri";

    internal CopilotConfigurationException(string errorId, string message)
        : base(errorId, errorId == TokenMissing ? "AuthenticationError" : "InvalidArgument", message, null)
    {
    }

    public override bool AffectsEveryCall => true;
}
