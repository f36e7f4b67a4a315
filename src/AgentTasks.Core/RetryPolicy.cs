using System;
using AgentTasks.Core.Http;

namespace AgentTasks.Core;

/// <summary>When to try a request again, and after how long. GETs are retried on rate limits, 5xx, timeouts,
/// broken connections and garbled bodies; a POST only when the server provably did not act on it (a rate
/// limit, or a connection that never opened), so that a task is never started twice.</summary>
public sealed class RetryPolicy
{
    private static readonly Random SharedRandom = new();

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>The first backoff; it doubles with each attempt, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>GitHub's advice for a rate limit with no Retry-After and no reset: wait at least a minute.</summary>
    public TimeSpan MinRateLimitWait { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>The longest single wait accepted; when the server asks for more, the error is reported instead
    /// (with its RetryAfter), so that an unattended run does not hang silently for an hour.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A number in [0, 1) for jitter; replaceable so tests are exact.</summary>
    internal Func<double> NextJitter { get; set; } = () =>
    {
        lock (SharedRandom)
        {
            return SharedRandom.NextDouble(); } };

    /// <summary>The wait before the next attempt, or null to give up and report the failure.</summary>
    internal TimeSpan? Decide(AttemptOutcome outcome, bool isPost, int attempt, DateTimeOffset now)
    {
        if (attempt >= MaxAttempts)
        {
            return null;
        }

        TimeSpan? wait = outcome.Kind switch
        {
            OutcomeKind.Status when outcome.IsRateLimit => RateLimitWait(outcome, attempt, now),
            OutcomeKind.Status when !isPost && IsTransient(outcome.StatusCode) => outcome.RetryAfter ?? Backoff(attempt),
            OutcomeKind.NotSent => Backoff(attempt),
            OutcomeKind.Timeout or OutcomeKind.ConnectionLost or OutcomeKind.MalformedBody when !isPost => Backoff(attempt),
            _ => null,
        };
        return wait is { } w && w <= MaxWait ? (w < TimeSpan.Zero ? TimeSpan.Zero : w) : null;
    }

    private static bool IsTransient(int status) => status is 500 or 502 or 503 or 504;

    private TimeSpan RateLimitWait(AttemptOutcome outcome, int attempt, DateTimeOffset now)
    {
        if (outcome.RetryAfter is { } retryAfter)
        {
            return retryAfter;
        }
        // One second past the reset, so that the retry does not land just before it.
        if (outcome.RateLimitReset is { } reset)
        {
            return reset - now + TimeSpan.FromSeconds(1);
        }

        return TimeSpan.FromTicks(MinRateLimitWait.Ticks * (1L << Math.Min(attempt - 1, 10)));
    }

    /// <summary>Exponential, capped, with "equal jitter": half fixed, half random, so that many clients spread out.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = BaseDelay.Ticks * (double)(1L << Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)(capped / 2 + capped / 2 * NextJitter()));
    }
}
