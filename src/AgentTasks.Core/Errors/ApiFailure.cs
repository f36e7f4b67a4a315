using System;
using System.Collections.Generic;
using AgentTasks.Core.Http;
using AgentTasks.Core.Models;

namespace AgentTasks.Core.Errors;

/// <summary>What is known about an error response, gathered once and handed to the exception.</summary>
internal sealed class ApiFailure
{
    public int StatusCode { get; set; }
    public string Method { get; set; } = "";
    public Uri RequestUri { get; set; } = new("https://api.github.com/");
    public string? Target { get; set; }
    public string? ApiMessage { get; set; }
    public string? DocumentationUrl { get; set; }
    public string? RequestId { get; set; }
    public IReadOnlyList<ApiErrorDetail> Errors { get; set; } = Array.Empty<ApiErrorDetail>();
    public TimeSpan? RetryAfter { get; set; }
    public DateTimeOffset? RateLimitReset { get; set; }
    public RateLimitKind RateLimit { get; set; }
}
