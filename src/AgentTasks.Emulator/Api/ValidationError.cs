namespace AgentTasks.Emulator.Api;

/// <summary>One entry of a 422 body's <c>errors</c>.</summary>
internal sealed record ValidationError(string Code, string Message)
{
    public static ValidationError Invalid(string message) => new("invalid", message);
}
