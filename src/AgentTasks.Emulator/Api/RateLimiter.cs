namespace AgentTasks.Emulator.Api;

/// <summary>
/// GitHub's primary rate limit: 5,000 requests an hour. One budget for every token, which is all a test needs.
/// </summary>
internal sealed class RateLimiter
{
    public const int Limit = 5000;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly object gate = new();
    private int used;
    private DateTimeOffset resetAt = DateTimeOffset.UtcNow + Window;

    public bool IsExhausted(DateTimeOffset now) => Peek(now).Remaining == 0;

    /// <summary>Counts one request against the limit.</summary>
    public RateLimitStatus Consume(DateTimeOffset now)
    {
        lock (gate)
        {
            StartNewWindowIfDue(now);
            used = Math.Min(used + 1, Limit);
            return Status();
        }
    }

    /// <summary>The limit as it stands, for responses that do not count (304).</summary>
    public RateLimitStatus Peek(DateTimeOffset now)
    {
        lock (gate)
        {
            StartNewWindowIfDue(now);
            return Status();
        }
    }

    public void Reset(DateTimeOffset now)
    {
        lock (gate)
        {
            used = 0;
            resetAt = now + Window;
        }
    }

    private void StartNewWindowIfDue(DateTimeOffset now)
    {
        if (now >= resetAt)
        {
            used = 0;
            resetAt = now + Window;
        }
    }

    private RateLimitStatus Status() => new(Limit, Limit - used, used, resetAt.ToUnixTimeSeconds());
}
