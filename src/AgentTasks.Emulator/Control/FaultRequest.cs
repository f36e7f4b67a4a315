using System.Diagnostics.CodeAnalysis;
using AgentTasks.Emulator.Faults;

namespace AgentTasks.Emulator.Control;

/// <summary>The body of <c>POST /_emulator/faults</c>.</summary>
internal sealed record FaultRequest(
    string? Kind, int? Status, int? RetryAfter, int? DelayMs, int? Count, int? Percent, string? Method, string? PathPrefix,
    string? Body = null, string? ContentType = null)
{
    public bool TryCreateRule([NotNullWhen(true)] out FaultRule? rule, [NotNullWhen(false)] out string? error)
    {
        rule = null;
        error = Kind switch
        {
            null => "kind is required",
            _ when !FaultKinds.All.Contains(Kind) => $"kind must be one of {string.Join(", ", FaultKinds.All)}",
            FaultKinds.Body => BodyError() ?? CommonError(),
            _ when Body is not null || ContentType is not null => "body and content_type go only with kind body",
            // Only error statuses: a 304 or 204 cannot carry the error body this fault sends.
            _ when Status is < 400 or > 599 => "status must be from 400 to 599",
            _ => CommonError(),
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
            Body = Body,
            ContentType = ContentType,
            Percent = Percent,
            Method = Method,
            PathPrefix = PathPrefix,
            RemainingCount = Count ?? 1,
        };
        return true;
    }

    private string? BodyError() => this switch
    {
        { Body: null } => "body is required for kind body",
        // Any status that carries a body: a success the client must read, or an error page.
        { Status: < 200 or > 599 or 204 or 205 or 304 } => "status of a body fault must be from 200 to 599 and carry a body (not 204, 205 or 304)",
        // The one value of the fault copied into a header.
        { ContentType: { } type } when type.Length == 0 || !type.All(c => c is >= ' ' and <= '~') => "content_type must be a media type in printable ASCII",
        _ => null,
    };

    private string? CommonError() => this switch
    {
        { RetryAfter: < 0 } => "retry_after must be 0 or more",
        { DelayMs: < 0 } => "delay_ms must be 0 or more",
        { Count: < 1 } => "count must be 1 or more",
        { Percent: < 0 or > 100 } => "percent must be from 0 to 100",
        _ => null,
    };
}
