using System.Globalization;
using System.Text;
using AgentTasks.Emulator.Api;
using Microsoft.AspNetCore.WebUtilities;

namespace AgentTasks.Emulator.Faults;

/// <summary>The responses of the faults that answer in place of the API.</summary>
internal static class FaultResponses
{
    private const int DefaultStatus = StatusCodes.Status500InternalServerError;
    private const int DefaultRetryAfterSeconds = 1;
    private const string DefaultContentType = "application/json; charset=utf-8";

    /// <summary>The answer <paramref name="fault"/> gives instead of serving the request, or null when the request is still served.</summary>
    public static PendingResponse? Replacing(FaultRule fault, string requestId, long? userId, DateTimeOffset now)
    {
        var retryAfter = fault.RetryAfter ?? DefaultRetryAfterSeconds;
        return fault.Kind switch
        {
            FaultKinds.Status => Status(fault.Status ?? DefaultStatus, fault.RetryAfter),
            FaultKinds.Body => Body(fault),
            FaultKinds.RateLimit => RateLimitErrors.TooManyRequests(retryAfter),
            FaultKinds.SecondaryRateLimit => RateLimitErrors.Secondary(retryAfter, requestId),
            FaultKinds.PrimaryRateLimit => RateLimitErrors.Primary(userId,
                new RateLimitStatus(RateLimiter.Limit, 0, RateLimiter.Limit, (now + TimeSpan.FromSeconds(retryAfter)).ToUnixTimeSeconds())),
            _ => null,
        };
    }

    private static PendingResponse Status(int status, int? retryAfter)
    {
        var headers = RetryAfterHeader(retryAfter);
        if (status == StatusCodes.Status422UnprocessableEntity)
        {
            return PendingResponse.Error(status, "Validation Failed", DocumentationUrls.Rest,
                [new ValidationError("custom", "Injected by the emulator")], headers);
        }

        return PendingResponse.Error(status, MessageFor(status), DocumentationUrls.Rest, headers: headers);
    }

    /// <summary>The fault's body as it is, with its status (default 200) and media type (default JSON), and no ETag.</summary>
    private static PendingResponse Body(FaultRule fault)
    {
        var headers = RetryAfterHeader(fault.RetryAfter) ?? [];
        headers["Content-Type"] = fault.ContentType ?? DefaultContentType;
        return new PendingResponse(fault.Status ?? StatusCodes.Status200OK, Encoding.UTF8.GetBytes(fault.Body ?? ""), headers);
    }

    private static Dictionary<string, string>? RetryAfterHeader(int? retryAfter) =>
        retryAfter is { } seconds
            ? new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) }
            : null;

    /// <summary>The messages GitHub uses for these statuses, else the standard reason phrase.</summary>
    private static string MessageFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Requires authentication",
        StatusCodes.Status500InternalServerError => "Server Error",
        _ => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error",
    };
}
