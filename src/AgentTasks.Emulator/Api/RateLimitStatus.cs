using System.Globalization;

namespace AgentTasks.Emulator.Api;

/// <summary>What the <c>x-ratelimit-*</c> headers of one response say.</summary>
internal readonly record struct RateLimitStatus(int Limit, int Remaining, int Used, long ResetEpochSeconds)
{
    public void WriteTo(IHeaderDictionary headers)
    {
        headers["x-ratelimit-limit"] = Limit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining"] = Remaining.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-used"] = Used.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = ResetEpochSeconds.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-resource"] = "core";
    }
}
