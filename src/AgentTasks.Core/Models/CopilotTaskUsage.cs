using System;

namespace AgentTasks.Core.Models;

/// <summary>Billing units a session used.</summary>
public sealed class CopilotTaskUsage
{
    public const string AiCreditsType = "ai_credits";

    /// <summary><c>ai_credits</c> (newer sessions) or <c>premium_requests</c>.</summary>
    public string Type { get; internal set; } = "";
    /// <summary>As sent: for ai_credits a whole number of nano-credits.</summary>
    public double Amount { get; internal set; }
    /// <summary>The amount for a person to read: ai_credits divided by 10^9 and rounded to one decimal, premium requests as they are.</summary>
    public double DisplayAmount =>
        string.Equals(Type, AiCreditsType, StringComparison.OrdinalIgnoreCase) ? Math.Round(Amount / 1e9, 1) : Amount;

    public override string ToString() => $"{DisplayAmount} {Type}";
}
