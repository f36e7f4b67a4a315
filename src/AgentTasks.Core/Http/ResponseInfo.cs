using System;
using System.Linq;
using System.Net.Http;

namespace AgentTasks.Core.Http;

/// <summary>What the headers of one answer say, read once: request id, paging, caching and rate limits.
/// Pattern: octokit's <c>ApiInfoParser</c>.</summary>
internal sealed class ResponseInfo
{
    public int Status { get; private set; }
    public string? ReasonPhrase { get; private set; }
    /// <summary><c>X-GitHub-Request-Id</c>: quote it to GitHub support.</summary>
    public string? RequestId { get; private set; }
    /// <summary>The raw Link header, for paging.</summary>
    public string? Link { get; private set; }
    public string? ETag { get; private set; }
    public TimeSpan? RetryAfter { get; private set; }
    public RateLimit RateLimit { get; private set; } = new();

    public static ResponseInfo Read(HttpResponseMessage response, DateTimeOffset now) => new()
    {
        Status = (int)response.StatusCode,
        ReasonPhrase = response.ReasonPhrase,
        RequestId = Header(response, "X-GitHub-Request-Id"),
        Link = Header(response, "Link"),
        ETag = response.Headers.ETag?.ToString(),
        RetryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        },
        RateLimit = RateLimit.Read(response),
    };

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
