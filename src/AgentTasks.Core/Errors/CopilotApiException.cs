using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AgentTasks.Core.Models;

namespace AgentTasks.Core.Errors;

/// <summary>The API answered with an error status. Carries everything GitHub said about it.</summary>
public class CopilotApiException : CopilotException
{
    internal CopilotApiException(string errorId, string category, ApiFailure failure, string? hint = null)
        : base(errorId, category, Describe(failure, hint), failure.Target)
    {
        StatusCode = failure.StatusCode;
        Method = failure.Method;
        RequestUri = failure.RequestUri;
        ApiMessage = failure.ApiMessage;
        DocumentationUrl = failure.DocumentationUrl;
        RequestId = failure.RequestId;
        Errors = failure.Errors;
        RetryAfter = failure.RetryAfter;
        RateLimitReset = failure.RateLimitReset;
        Hint = hint;
    }

    public int StatusCode { get; }
    public string Method { get; }
    /// <summary>The URL asked for. It never carries the token (the token travels only in a header).</summary>
    public Uri RequestUri { get; }
    /// <summary>GitHub's <c>message</c>.</summary>
    public string? ApiMessage { get; }
    public string? DocumentationUrl { get; }
    /// <summary>The <c>X-GitHub-Request-Id</c> response header: quote it to GitHub support.</summary>
    public string? RequestId { get; }
    public IReadOnlyList<ApiErrorDetail> Errors { get; }
    /// <summary>How long the server asked us to wait, when it did.</summary>
    public TimeSpan? RetryAfter { get; }
    /// <summary>When the primary rate limit resets, when it was used up.</summary>
    public DateTimeOffset? RateLimitReset { get; }
    /// <summary>Advice of ours on top of GitHub's message, e.g. that installation tokens are refused.</summary>
    public string? Hint { get; }

    /// <summary>A token the server refuses makes every call fail.</summary>
    public override bool AffectsEveryCall => StatusCode == 401;

    private static string Describe(ApiFailure failure, string? hint)
    {
        var text = new StringBuilder();
        text.Append(failure.Method).Append(' ').Append(failure.RequestUri.AbsolutePath)
            .Append(" failed: ").Append(failure.StatusCode);
        // GitHub's messages often end with a full stop already; one is enough.
        text.Append(' ').Append(string.IsNullOrEmpty(failure.ApiMessage) ? "(no message)" : failure.ApiMessage!.TrimEnd().TrimEnd('.'));
        var details = failure.Errors.Select(e => e.ToString()).Where(e => e.Length > 0).ToArray();
        if (details.Length > 0)
        {
            text.Append(" (").Append(string.Join("; ", details)).Append(')');
        }

        text.Append('.');
        if (hint is not null)
        {
            text.Append(' ').Append(hint);
        }

        if (failure.RetryAfter is { } wait)
        {
            text.Append(FormattableString.Invariant($" Retry after {wait.TotalSeconds:0} s."));
        }
        else if (failure.RateLimitReset is { } reset)
        {
            text.Append(FormattableString.Invariant($" The rate limit resets at {reset.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: retry after that."));
        }

        if (failure.DocumentationUrl is not null)
        {
            text.Append(" Documentation: ").Append(failure.DocumentationUrl).Append('.');
        }

        if (failure.RequestId is not null)
        {
            text.Append(" Request id: ").Append(failure.RequestId).Append('.');
        }

        return text.ToString();
    }
}
