using System.Globalization;
using System.Text;
using AgentTasks.Emulator.Faults;

namespace AgentTasks.Emulator.Api;

/// <summary>
/// Serves one API request the way GitHub's front end does: request id, fault injection, authentication, the
/// operation, ETag and 304, rate-limit headers; and logs it.
/// </summary>
internal sealed class ApiPipeline(ApiEndpoints endpoints, FaultInjector faults, RequestLog log, RateLimiter rateLimiter)
{
    private const int DefaultDelayMilliseconds = 1000;
    private const string InstallationTokenMessage =
        "Resource not accessible by integration: GitHub App installation tokens are not supported for agent tasks; use a user token";

    private long requestCount;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var requestId = "EMU0:" + Interlocked.Increment(ref requestCount).ToString("X8", CultureInfo.InvariantCulture);
        var token = AuthToken.FromHeader(request.Headers.Authorization);
        var body = await ReadBodyAsync(request, context.RequestAborted);
        var path = request.Path.Value ?? "/";
        var fault = faults.Take(request.Method, path);
        var logged = log.Add(new LoggedRequest
        {
            Method = request.Method,
            Path = path,
            Query = request.QueryString.Value ?? "",
            Headers = RedactedHeaders(request.Headers),
            Body = body,
            Fault = fault?.Kind,
            AuthSha256 = token?.Sha256,
        });

        try
        {
            context.Response.Headers["X-GitHub-Request-Id"] = requestId;
            if (fault?.Kind == FaultKinds.Drop)
            {
                Drop(context, logged);
                return;
            }

            if (fault?.Kind == FaultKinds.Delay)
            {
                try
                {
                    await Task.Delay(fault.DelayMs ?? DefaultDelayMilliseconds, context.RequestAborted);
                }
                catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                {
                    // The client gave up waiting; there is no one left to answer.
                    return;
                }
            }

            var now = DateTimeOffset.UtcNow;
            var result = (fault is null ? null : FaultResponses.Replacing(fault, requestId, token?.UserId, now))
                ?? Serve(request, path, token, body, now);
            // A malformed or body fault is sent as it is: no ETag, never a 304.
            if (fault?.Kind is not (FaultKinds.Malformed or FaultKinds.Body))
            {
                result = Conditional(request, result);
            }

            var rateLimit = result.Status == StatusCodes.Status304NotModified ? rateLimiter.Peek(now) : rateLimiter.Consume(now);
            rateLimit.WriteTo(context.Response.Headers);
            foreach (var (name, value) in result.Headers)
            {
                context.Response.Headers[name] = value;
            }

            if (fault?.Kind == FaultKinds.DropAfter)
            {
                Drop(context, logged);
                return;
            }

            var responseBody = result.Body;
            if (fault?.Kind == FaultKinds.Malformed && responseBody is not null)
            {
                // Half of a JSON object or array never parses: the client sees a 200/201 it cannot read.
                responseBody = responseBody[..Math.Max(1, responseBody.Length / 2)];
            }

            log.Complete(logged, result.Status);
            await WriteAsync(context.Response, result.Status, responseBody, context.RequestAborted);
        }
        finally
        {
            log.Abandon(logged);
        }
    }

    private PendingResponse Serve(HttpRequest request, string path, AuthToken? token, string? body, DateTimeOffset now)
    {
        var route = ApiRoute.Match(request.Method, path);
        if (route is null)
        {
            return PendingResponse.NotFound(DocumentationUrls.Rest);
        }

        if (token is null)
        {
            return PendingResponse.Error(StatusCodes.Status401Unauthorized, "Requires authentication", DocumentationUrls.Rest);
        }

        if (token.IsInstallationToken)
        {
            return PendingResponse.Error(StatusCodes.Status403Forbidden, InstallationTokenMessage, route.DocumentationUrl);
        }

        if (rateLimiter.IsExhausted(now))
        {
            return RateLimitErrors.Primary(token.UserId, rateLimiter.Peek(now));
        }

        var origin = $"{request.Scheme}://{request.Host}";
        return endpoints.Handle(new ApiRequest(route, origin, RawQuery.Parse(request.QueryString.Value), body, token.UserId, now));
    }

    /// <summary>Tags a successful GET, and answers 304 with no body when the client already holds that tag.</summary>
    private static PendingResponse Conditional(HttpRequest request, PendingResponse result)
    {
        if (!HttpMethods.IsGet(request.Method) || result.Status != StatusCodes.Status200OK || result.Body is null)
        {
            return result;
        }

        var etag = EntityTag.For(result.Body);
        var headers = new Dictionary<string, string>(result.Headers) { ["ETag"] = etag };
        return EntityTag.Matches(request.Headers.IfNoneMatch, etag)
            ? new PendingResponse(StatusCodes.Status304NotModified, null, new Dictionary<string, string> { ["ETag"] = etag })
            : result with { Headers = headers };
    }

    private static async Task WriteAsync(HttpResponse response, int status, byte[]? body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        if (body is not null)
        {
            // A body fault has set its own.
            response.ContentType ??= "application/json; charset=utf-8";
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, cancellationToken);
        }
    }

    private void Drop(HttpContext context, LoggedRequest logged)
    {
        log.Complete(logged, 0);
        context.Abort();
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        return body.Length == 0 ? null : body;
    }

    /// <summary>Every header with its name in lower case, the token replaced so the log never holds it.</summary>
    private static Dictionary<string, string> RedactedHeaders(IHeaderDictionary headers) =>
        headers.ToDictionary(
            h => h.Key.ToLowerInvariant(),
            h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? "Bearer [redacted]" : h.Value.ToString());
}
