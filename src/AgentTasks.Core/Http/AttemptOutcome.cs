using System;
using AgentTasks.Core.Errors;

namespace AgentTasks.Core.Http;

internal enum OutcomeKind
{
    /// <summary>The server answered with an error status.</summary>
    Status,
    /// <summary>No answer within the per-request timeout.</summary>
    Timeout,
    /// <summary>The connection could not be opened: the request provably never reached the server.</summary>
    NotSent,
    /// <summary>The connection broke after the request may have been sent.</summary>
    ConnectionLost,
    /// <summary>A success status with a body that is not the expected JSON.</summary>
    MalformedBody,
}

/// <summary>How one attempt failed: what the retry policy decides on, and what the error table reports.</summary>
internal sealed class AttemptOutcome
{
    public AttemptOutcome(OutcomeKind kind, int statusCode = 0, bool isRateLimit = false, TimeSpan? retryAfter = null, DateTimeOffset? rateLimitReset = null)
    {
        Kind = kind;
        StatusCode = statusCode;
        IsRateLimit = isRateLimit;
        RetryAfter = retryAfter;
        RateLimitReset = rateLimitReset;
    }

    /// <summary>An error answer.</summary>
    public static AttemptOutcome Of(ApiFailure failure) =>
        new(OutcomeKind.Status, failure.StatusCode, failure.RateLimit != RateLimitKind.None, failure.RetryAfter, failure.RateLimitReset)
        {
            Failure = failure,
            RequestId = failure.RequestId,
        };

    public OutcomeKind Kind { get; }
    public int StatusCode { get; }
    /// <summary>A 429, or a 403 that GitHub sent for a primary or secondary rate limit.</summary>
    public bool IsRateLimit { get; }
    public TimeSpan? RetryAfter { get; }
    /// <summary>Set only when the primary limit is used up (<c>x-ratelimit-remaining: 0</c>).</summary>
    public DateTimeOffset? RateLimitReset { get; }
    /// <summary>What GitHub said, for an error answer.</summary>
    public ApiFailure? Failure { get; private set; }
    public string? RequestId { get; set; }
    /// <summary>The exception behind a transport failure or an unreadable body.</summary>
    public Exception? Cause { get; set; }
}
