using System.Globalization;

namespace AgentTasks.Emulator.Api;

/// <summary>The three ways GitHub says "slow down", with the messages and headers clients key on.</summary>
internal static class RateLimitErrors
{
    /// <summary>A 429, which GitHub sends with <c>Retry-After</c>.</summary>
    public static PendingResponse TooManyRequests(int retryAfterSeconds) =>
        PendingResponse.Error(StatusCodes.Status429TooManyRequests,
            "You have exceeded a rate limit. Please wait before you try again.",
            DocumentationUrls.RateLimits, headers: RetryAfter(retryAfterSeconds));

    /// <summary>A 403 whose message names the secondary rate limit, with <c>Retry-After</c>.</summary>
    public static PendingResponse Secondary(int retryAfterSeconds, string requestId) =>
        PendingResponse.Error(StatusCodes.Status403Forbidden,
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
            + $"If you reach out to GitHub Support for help, please include the request ID {requestId}.",
            DocumentationUrls.SecondaryRateLimits, headers: RetryAfter(retryAfterSeconds));

    /// <summary>A 403 for a spent primary limit: no <c>Retry-After</c>, but <c>x-ratelimit-remaining: 0</c> and the reset time.</summary>
    public static PendingResponse Primary(long? userId, RateLimitStatus status)
    {
        var who = userId is { } id ? $" for user ID {id.ToString(CultureInfo.InvariantCulture)}" : "";
        return PendingResponse.Error(StatusCodes.Status403Forbidden,
            $"API rate limit exceeded{who}. If you reach out to GitHub Support for help, please include the request ID and timestamp.",
            DocumentationUrls.RateLimits,
            headers: new Dictionary<string, string>
            {
                ["x-ratelimit-remaining"] = "0",
                ["x-ratelimit-used"] = status.Limit.ToString(CultureInfo.InvariantCulture),
                ["x-ratelimit-reset"] = status.ResetEpochSeconds.ToString(CultureInfo.InvariantCulture),
            });
    }

    private static Dictionary<string, string> RetryAfter(int seconds) =>
        new() { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) };
}
