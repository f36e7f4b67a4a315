using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Models;
using AgentTasks.Core.Wire;

namespace AgentTasks.Core.Http;

/// <summary>Sends API calls: headers, per-request timeout, retries, conditional GETs, and turning
/// failures into typed exceptions. The token is read only here, to build the Authorization header.</summary>
internal sealed class ApiSender
{
    private readonly HttpClient http;
    private readonly CopilotToken token;
    private readonly string apiVersion;
    private readonly RetryPolicy retry;
    private readonly IClock clock;
    private readonly TimeSpan timeout;
    private readonly Action<string>? log;
    private readonly ResponseCache cache;
    // Cache entries are per identity: a hash of the token, never the token itself.
    private readonly string cachePrefix;

    public ApiSender(HttpClient http, CopilotToken token, string apiVersion, RetryPolicy retry, IClock clock, TimeSpan timeout, Action<string>? log, ResponseCache cache)
    {
        this.cache = cache;
        cachePrefix = token.Fingerprint + " " + apiVersion + " ";
        this.http = http;
        this.token = token;
        this.apiVersion = apiVersion;
        this.retry = retry;
        this.clock = clock;
        this.timeout = timeout;
        this.log = log;
    }

    public async Task<ApiResult<T>> SendAsync<T>(ApiCall call, Func<string, T> parse, CancellationToken cancellationToken)
    {
        var isPost = call.Method == HttpMethod.Post;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (result, outcome, failure, cause) = await AttemptAsync(call, parse, cancellationToken).ConfigureAwait(false);
            if (result is not null) return result;

            var wait = retry.Decide(outcome!, isPost, attempt, clock.UtcNow);
            if (wait is null) throw ToException(call, outcome!, failure, cause, attempt);
            log?.Invoke($"{call.Method} {call.Uri}: {Describe(outcome!)}; retrying in {wait.Value.TotalSeconds:0.0} s (attempt {attempt + 1} of {retry.MaxAttempts})");
            await clock.Delay(wait.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(ApiResult<T>?, AttemptOutcome?, ApiFailure?, Exception?)> AttemptAsync<T>(ApiCall call, Func<string, T> parse, CancellationToken cancellationToken)
    {
        var cached = call.Method == HttpMethod.Get ? cache.Find(cachePrefix + call.Uri.AbsoluteUri) : null;
        using var request = BuildRequest(call, cached);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var requestId = Header(response, "X-GitHub-Request-Id");
            log?.Invoke($"{call.Method} {call.Uri} -> {status} {response.ReasonPhrase} in {watch.ElapsedMilliseconds} ms " +
                $"(rate limit remaining {Header(response, "x-ratelimit-remaining") ?? "?"}; request id {requestId ?? "?"})");

            if (status == 304 && cached is not null)
                return (new ApiResult<T>(parse(cached.Body), cached.Link), null, null, null);
            if (status is >= 200 and < 300)
            {
                var link = Header(response, "Link");
                T value;
                try
                {
                    value = parse(body);
                }
                catch (JsonException e)
                {
                    return (null, new AttemptOutcome(OutcomeKind.MalformedBody, status), new ApiFailure { StatusCode = status, RequestId = requestId }, e);
                }
                if (call.Method == HttpMethod.Get && response.Headers.ETag is { } etag)
                    cache.Store(cachePrefix + call.Uri.AbsoluteUri, new CachedResponse(etag.ToString(), body, link));
                return (new ApiResult<T>(value, link), null, null, null);
            }
            var failure = ReadFailure(call, response, body, requestId);
            return (null, new AttemptOutcome(OutcomeKind.Status, status, failure.IsRateLimit, failure.RetryAfter, failure.RateLimitReset), failure, null);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new AttemptOutcome(OutcomeKind.Timeout), null, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return (null, new AttemptOutcome(NeverSent(e) ? OutcomeKind.NotSent : OutcomeKind.ConnectionLost), null, e);
        }
    }

    private HttpRequestMessage BuildRequest(ApiCall call, CachedResponse? cached)
    {
        var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        request.Headers.Add("X-GitHub-Api-Version", apiVersion);
        request.Headers.TryAddWithoutValidation("User-Agent", ClientInfo.UserAgent);
        if (cached is not null) request.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
        if (call.JsonBody is not null) request.Content = new StringContent(call.JsonBody, Encoding.UTF8, "application/json");
        return request;
    }

    private static ApiFailure ReadFailure(ApiCall call, HttpResponseMessage response, string body, string? requestId)
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
        var status = (int)response.StatusCode;
        var remainingZero = Header(response, "x-ratelimit-remaining") == "0";
        var retryAfter = RetryAfter(response);
        var message = error?.Message ?? response.ReasonPhrase;
        var failure = new ApiFailure
        {
            StatusCode = status,
            Method = call.Method.Method,
            RequestUri = call.Uri,
            Target = call.Target,
            ApiMessage = message,
            DocumentationUrl = error?.DocumentationUrl,
            RequestId = requestId,
            Errors = (error?.Errors ?? new()).Where(e => e is not null).Select(e => new ApiErrorDetail(e!.Code, e.Message, e.Field)).ToArray(),
            RetryAfter = retryAfter,
            RateLimitReset = remainingZero ? ResetTime(response) : null,
        };
        failure.IsRateLimit = status == 429 || (status == 403 && (remainingZero || retryAfter is not null
            || (message?.IndexOf("rate limit", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0));
        return failure;
    }

    private CopilotException ToException(ApiCall call, AttemptOutcome outcome, ApiFailure? failure, Exception? cause, int attempts)
    {
        var what = $"{call.Method} {call.Uri.AbsolutePath}";
        var tries = attempts > 1 ? $" after {attempts} attempts" : "";
        var maybeStarted = call.Method == HttpMethod.Post
            ? " The task may have been started: list the repository's tasks before starting it again."
            : "";
        return outcome.Kind switch
        {
            OutcomeKind.Status => ApiErrors.From(failure!, token.IsInstallationToken, call.TaskScoped),
            OutcomeKind.Timeout => new CopilotTimeoutException($"{what} got no answer within {timeout.TotalSeconds:0} s{tries}.{maybeStarted}", call.Target, cause),
            OutcomeKind.MalformedBody => new CopilotResponseException(
                $"{what} answered {outcome.StatusCode} with a body that is not the JSON the API describes{tries}.{maybeStarted} Request id: {failure?.RequestId ?? "?"}.",
                call.Target, failure?.RequestId, cause),
            OutcomeKind.NotSent => new CopilotConnectionException($"{what}: could not connect to {call.Uri.Scheme}://{call.Uri.Authority}{tries}: {cause?.Message}", call.Target, cause),
            _ => new CopilotConnectionException($"{what}: the connection broke before an answer came{tries}.{maybeStarted}", call.Target, cause),
        };
    }

    /// <summary>True only when the connection never opened, so the server cannot have seen the request.</summary>
    private static bool NeverSent(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable })
                return true;
            if (e is WebException { Status: WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure })
                return true;
        }
        return false;
    }

    private static string Describe(AttemptOutcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Status when outcome.IsRateLimit => $"rate limited ({outcome.StatusCode})",
        OutcomeKind.Status => $"status {outcome.StatusCode}",
        OutcomeKind.Timeout => "timed out",
        OutcomeKind.NotSent => "could not connect",
        OutcomeKind.ConnectionLost => "connection lost",
        _ => "malformed response body",
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var value = response.Headers.RetryAfter;
        if (value?.Delta is { } delta) return delta;
        if (value?.Date is { } date) return date - DateTimeOffset.UtcNow;
        return null;
    }

    private static DateTimeOffset? ResetTime(HttpResponseMessage response) =>
        long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
