using System.Linq;
using System.Text.Json;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Models;
using AgentTasks.Core.Wire;

namespace AgentTasks.Core.Http;

/// <summary>Reads an error answer (its headers and GitHub's error body) into an <see cref="ApiFailure"/>.</summary>
internal static class FailureReader
{
    public static ApiFailure Read(ApiCall call, ResponseInfo info, string body)
    {
        ErrorBodyDto? error = null;
        try
        {
            error = string.IsNullOrWhiteSpace(body) ? null : WireJson.ReadError(body);
        }
        catch (JsonException)
        {
            // Proxies and load balancers answer with HTML; the status still says what happened.
        }
        var message = error?.Message ?? info.ReasonPhrase;
        var kind = info.RateLimit.KindOf(info.Status, info.RetryAfter, message);
        return new ApiFailure
        {
            StatusCode = info.Status,
            Method = call.Method.Method,
            RequestUri = call.Uri,
            Target = call.Target,
            ApiMessage = message,
            DocumentationUrl = error?.DocumentationUrl,
            RequestId = info.RequestId,
            Errors = (error?.Errors ?? new()).Where(e => e is not null).Select(e => new ApiErrorDetail(e!.Code, e.Message, e.Field)).ToArray(),
            RetryAfter = info.RetryAfter,
            RateLimitReset = kind == RateLimitKind.Primary ? info.RateLimit.Reset : null,
            RateLimit = kind,
        };
    }
}
