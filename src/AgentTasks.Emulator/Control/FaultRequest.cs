using System.Diagnostics.CodeAnalysis;
using AgentTasks.Emulator.Faults;

namespace AgentTasks.Emulator.Control;

/// <summary>The body of <c>POST /_emulator/faults</c>.</summary>
internal sealed record FaultRequest(
    string? Kind, int? Status, int? RetryAfter, int? DelayMs, int? Count, int? Percent, string? Method, string? PathPrefix)
{
    public bool TryCreateRule([NotNullWhen(true)] out FaultRule? rule, [NotNullWhen(false)] out string? error)
    {
        rule = null;
        error = Kind switch
        {
            null => "kind is required",
            _ when !FaultKinds.All.Contains(Kind) => $"kind must be one of {string.Join(", ", FaultKinds.All)}",
            // Only error statuses: a 304 or 204 cannot carry the error body this fault sends.
            _ when Status is < 400 or > 599 => "status must be from 400 to 599",
            _ when RetryAfter < 0 => "retry_after must be 0 or more",
            _ when DelayMs < 0 => "delay_ms must be 0 or more",
            _ when Count < 1 => "count must be 1 or more",
            _ when Percent is < 0 or > 100 => "percent must be from 0 to 100",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        rule = new FaultRule
        {
            Kind = Kind!,
            Status = Status,
            RetryAfter = RetryAfter,
            DelayMs = DelayMs,
            Percent = Percent,
            Method = Method,
            PathPrefix = PathPrefix,
            RemainingCount = Count ?? 1,
        };
        return true;
    }
}
