namespace AgentTasks.Core.Errors;

/// <summary>A set-up problem that makes every request fail (no token, an unusable base URI), found before any request.</summary>
public sealed class CopilotConfigurationException : CopilotException
{
    internal CopilotConfigurationException(string errorId, string category, string message)
        : base(errorId, category, message, null)
    {
    }

    public override bool AffectsEveryCall => true;
}
