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
    /// <summary>The defaults suit an unattended run: no call hangs for long, and rate-limit waits still fit.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultOperationTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How long one attempt may take before it counts as timed out.</summary>
    public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;
    /// <summary>How long one call may take in all: its attempts, the backoff between them and rate-limit waits. A
    /// retry that would start after it is not made: the failure is reported instead.</summary>
    public TimeSpan OperationTimeout { get; set; } = DefaultOperationTimeout;
    public RetryPolicy Retry { get; set; } = new();
    /// <summary>Receives a line per request, response and retry (method, URL, status, rate limit remaining,
    /// request id) for a verbose stream. Never given the token. May be called from any thread.</summary>
    public Action<string>? Log { get; set; }
    /// <summary>Receives what a person should know even without -Verbose: a long wait for a rate limit or a retry,
    /// a start recovered after an unclear answer. Never given the token. May be called from any thread.</summary>
    public Action<string>? Warning { get; set; }
    /// <summary>Where conditional GETs keep their answers; null gives the client one of its own. Share one between
    /// clients (as a PowerShell connection does) so that repeated commands get 304s too.</summary>
    public ResponseCache? Cache { get; set; }

    /// <summary>Where environment variables are read from; tests replace it.</summary>
    internal Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;
    internal HttpClient? HttpClient { get; set; }
    internal IClock Clock { get; set; } = SystemClock.Instance;
    /// <summary>null: the process's pacer, except for a loopback base URI (the emulator has no such limits, and tests
    /// of runbooks start many tasks); tests give a client one of its own.</summary>
    internal StartPacer? Pacer { get; set; }
}
