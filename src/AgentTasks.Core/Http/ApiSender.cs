using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AgentTasks.Core.Errors;

namespace AgentTasks.Core.Http;

/// <summary>The attempt loop of an API call: send, read the answer, reuse the cached body on 304, and on failure ask
/// the retry policy whether and when to try again; what finally fails is reported through the error table. Each
/// attempt has the request timeout, and the call as a whole the operation timeout: no retry starts after it.</summary>
internal sealed class ApiSender
{
    private readonly HttpClient http;
    private readonly RequestBuilder requests;
    private readonly bool installationToken;
    private readonly RetryPolicy retry;
    private readonly IClock clock;
    private readonly TimeSpan timeout;
    private readonly TimeSpan budget;
    private readonly Action<string>? log;
    private readonly Action<string>? warn;
    private readonly ResponseCache cache;
    // Cache entries are per identity: a hash of the token, never the token itself.
    private readonly string cachePrefix;

    public ApiSender(HttpClient http, CopilotToken token, string apiVersion, CopilotClientOptions options, ResponseCache cache)
    {
        this.http = http;
        requests = new RequestBuilder(token, apiVersion);
        installationToken = token.IsInstallationToken;
        cachePrefix = token.Fingerprint + " " + apiVersion + " ";
        retry = options.Retry;
        clock = options.Clock;
        timeout = options.RequestTimeout;
        budget = options.OperationTimeout;
        log = options.Log;
        warn = options.Warning;
        this.cache = cache;
    }

    /// <summary>Waits at least this long are told to a person as a warning, not only in the verbose stream.</summary>
    internal static readonly TimeSpan NoticeableWait = TimeSpan.FromSeconds(5);

    public async Task<ApiResult<T>> SendAsync<T>(ApiCall call, BodyParser<T> parse, CancellationToken cancellationToken)
    {
        var isPost = call.Method == HttpMethod.Post;
        var ends = clock.UtcNow + budget;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var left = ends - clock.UtcNow;
            var (result, outcome) = await AttemptAsync(call, parse, left < timeout ? left : timeout, cancellationToken).ConfigureAwait(false);
            if (result is not null)
            {
                return result;
            }

            var wait = retry.Decide(outcome!, isPost, attempt, clock.UtcNow);
            if (wait is null || clock.UtcNow + wait.Value >= ends)
            {
                throw ErrorTable.For(call, outcome!, attempt, wait is null ? null : budget, installationToken);
            }

            var line = $"{call.Method} {call.Uri}: {Describe(outcome!)}; retrying in {wait.Value.TotalSeconds:0.0} s (attempt {attempt + 1} of {retry.MaxAttempts})";
            log?.Invoke(line);
            if (wait.Value >= NoticeableWait)
            {
                warn?.Invoke($"{call.Method} {call.Uri.AbsolutePath}: {Describe(outcome!)}; waiting until {(clock.UtcNow + wait.Value).ToLocalTime():HH:mm:ss} to try again.");
            }

            await clock.Delay(wait.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(ApiResult<T>?, AttemptOutcome?)> AttemptAsync<T>(ApiCall call, BodyParser<T> parse, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        var cacheKey = cachePrefix + call.Uri.AbsoluteUri;
        var cached = call.Method == HttpMethod.Get ? cache.Find(cacheKey) : null;
        using var request = requests.Build(call, cached?.ETag);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = new Stopwatch();
        try
        {
            var (answer, answerBody) = await ExchangeAsync(call, request, deadline, attemptTimeout, watch, cancellationToken).ConfigureAwait(false);
            using var response = answer;
            using var body = answerBody;
            var info = ResponseInfo.Read(response, clock.UtcNow);
            log?.Invoke($"{call.Method} {call.Uri} -> {info.Status} {info.ReasonPhrase} in {watch.ElapsedMilliseconds} ms " +
                $"(rate limit remaining {info.RateLimit.Remaining?.ToString(CultureInfo.InvariantCulture) ?? "?"}; request id {info.RequestId ?? "?"})");

            if (info.Status == 304 && cached is not null)
            {
                call.Answered?.Invoke(cached.Link);
                return (new ApiResult<T>(parse(cached.Body), cached.Link), null);
            }

            if (info.Status is < 200 or >= 300)
            {
                return (null, AttemptOutcome.Of(FailureReader.Read(call, info, body.Text())));
            }

            call.Answered?.Invoke(info.Link);

            T value;
            try
            {
                value = parse(body.Span);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // InvalidOperationException: a string in the body that is not valid UTF-8.
                return (null, new AttemptOutcome(OutcomeKind.MalformedBody, info.Status) { RequestId = info.RequestId, Cause = e });
            }
            if (call.Method == HttpMethod.Get && info.ETag is not null && ResponseCache.IsWorthKeeping(call.Uri))
            {
                cache.Store(cacheKey, new CachedResponse(info.ETag, body.ToArray(), info.Link));
            }

            return (new ApiResult<T>(value, info.Link), null);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new AttemptOutcome(OutcomeKind.Timeout) { Cause = e });
        }
        catch (InvalidDataException e)
        {
            // A Content-Encoding the body does not follow (gzip that does not decompress): as garbled as bad JSON.
            return (null, new AttemptOutcome(OutcomeKind.MalformedBody) { Cause = e });
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return (null, new AttemptOutcome(NeverSent(e) ? OutcomeKind.NotSent : OutcomeKind.ConnectionLost) { Cause = e });
        }
    }

    /// <summary>Sends the request and reads its body, holding the call's <see cref="ApiCall.OneAtATime"/> meanwhile. The
    /// attempt's timeout and <paramref name="watch"/> start once it holds it: waiting for the request a listing already
    /// has in flight (itself bounded by its own timeout) is not this attempt's time, and is no timeout of this one.</summary>
    private async Task<(HttpResponseMessage Response, ResponseBody Body)> ExchangeAsync(
        ApiCall call, HttpRequestMessage request, CancellationTokenSource deadline, TimeSpan timeout, Stopwatch watch, CancellationToken cancellationToken)
    {
        var gate = call.OneAtATime;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            deadline.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
            watch.Start();
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            try
            {
                return (response, await ReadBodyAsync(response.Content, deadline.Token).ConfigureAwait(false));
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>
    /// The body as the UTF-8 bytes that came, read under the attempt's deadline: a body that stops arriving is a
    /// timeout like an answer that never starts. Some streams (.NET Framework's) ignore the token, so the deadline also
    /// disposes the stream, which ends a read that hangs.
    /// </summary>
    private static async Task<ResponseBody> ReadBodyAsync(HttpContent content, CancellationToken deadline)
    {
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        using var abort = deadline.Register(stream.Dispose);
        try
        {
            return await ResponseBody.ReadAsync(stream, content.Headers.ContentLength, deadline).ConfigureAwait(false);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("The response body did not arrive in time.", e, deadline);
        }
    }

    /// <summary>True only when the connection never opened, so the server cannot have seen the request.</summary>
    private static bool NeverSent(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable })
            {
                return true;
            }

            if (e is WebException { Status: WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure })
            {
                return true;
            }
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
}
