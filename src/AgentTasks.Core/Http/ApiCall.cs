using System;
using System.Net.Http;
using System.Threading;

namespace AgentTasks.Core.Http;

/// <summary>One API operation to send: method, absolute URL, optional JSON body, and what it is about.</summary>
internal sealed class ApiCall
{
    public ApiCall(HttpMethod method, Uri uri, string? target, bool taskScoped, string? jsonBody = null)
    {
        Method = method;
        Uri = uri;
        Target = target;
        TaskScoped = taskScoped;
        JsonBody = jsonBody;
    }

    public HttpMethod Method { get; }
    public Uri Uri { get; }
    /// <summary>A task id or owner/repo, for error messages and ErrorRecord targets.</summary>
    public string? Target { get; }
    /// <summary>A 404 means "no such task" (else "no such repository").</summary>
    public bool TaskScoped { get; }
    public string? JsonBody { get; }
    /// <summary>Held by each attempt from sending the request until its body has been read, so that the calls that
    /// share it never have two requests in flight (a listing's, as GitHub asks), retries included.</summary>
    public SemaphoreSlim? OneAtATime { get; set; }
    /// <summary>Told the Link header once a successful answer's body has been read, before it is parsed: the
    /// connection is free, so a listing can ask for its next page while this one is parsed.</summary>
    public Action<string?>? Answered { get; set; }
}

internal sealed class ApiResult<T>
{
    public ApiResult(T value, string? link)
    {
        Value = value;
        Link = link;
    }

    public T Value { get; }
    /// <summary>The raw Link header, for paging.</summary>
    public string? Link { get; }
}
