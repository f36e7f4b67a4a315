using System;
using System.Net.Http;

namespace AgentTasks.Core;

/// <summary>How a <see cref="CopilotTaskClient"/> talks to the API. Everything has a default.</summary>
public sealed class CopilotClientOptions
{
    public const string DefaultApiVersion = "2026-03-10";

    /// <summary>The API root; null means <c>GITHUB_API_URL</c>, else https://api.github.com.</summary>
    public Uri? BaseUri { get; set; }
    /// <summary>Sent as X-GitHub-Api-Version.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;
    /// <summary>null means <c>GH_TOKEN</c>, then <c>GITHUB_TOKEN</c>.</summary>
    public CopilotToken? Token { get; set; }
    /// <summary>How long one attempt may take before it counts as timed out.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);
    public RetryPolicy Retry { get; set; } = new();
    /// <summary>Receives a line per request, response and retry (method, URL, status, rate limit remaining,
    /// request id) for a verbose stream. Never given the token. May be called from any thread.</summary>
    public Action<string>? Log { get; set; }
    /// <summary>Where conditional GETs keep their answers; null gives the client one of its own. Share one between
    /// clients (as a PowerShell connection does) so that repeated commands get 304s too.</summary>
    public ResponseCache? Cache { get; set; }

    /// <summary>Where environment variables are read from; tests replace it.</summary>
    internal Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;
    internal HttpClient? HttpClient { get; set; }
    internal IClock Clock { get; set; } = SystemClock.Instance;
}
