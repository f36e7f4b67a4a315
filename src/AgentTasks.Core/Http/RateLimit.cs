using System;
using System.Globalization;
using System.Net.Http;

namespace AgentTasks.Core.Http;

/// <summary>Which rate limit an error answer is about: GitHub's primary limit (the hourly quota is used up) or a
/// secondary one (too many requests too fast, or too much content created).</summary>
internal enum RateLimitKind
{
    None,
    Primary,
    Secondary,
}

/// <summary>The <c>x-ratelimit-*</c> headers of one answer. Pattern: octokit's <c>RateLimit</c>.</summary>
internal sealed class RateLimit
{
    public int? Remaining { get; private set; }
    /// <summary>When the primary limit starts afresh.</summary>
    public DateTimeOffset? Reset { get; private set; }

    public static RateLimit Read(HttpResponseMessage response) => new()
    {
        Remaining = int.TryParse(ResponseInfo.Header(response, "x-ratelimit-remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) ? remaining : null,
        Reset = long.TryParse(ResponseInfo.Header(response, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : null,
    };

    /// <summary>GitHub's documented signs: 429 is always a rate limit; a 403 is one when the quota is used up
    /// (primary), or when it carries Retry-After or says "rate limit" (secondary). Any other 403 is a permission.</summary>
    public RateLimitKind KindOf(int status, TimeSpan? retryAfter, string? message)
    {
        if (status == 403 && Remaining == 0)
        {
            return RateLimitKind.Primary;
        }

        if (status == 429)
        {
            return Remaining == 0 ? RateLimitKind.Primary : RateLimitKind.Secondary;
        }

        if (status == 403 && (retryAfter is not null || (message?.IndexOf("rate limit", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0))
        {
            return RateLimitKind.Secondary;
        }

        return RateLimitKind.None;
    }
}
