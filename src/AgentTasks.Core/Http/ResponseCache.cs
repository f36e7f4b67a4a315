using System.Collections.Generic;

namespace AgentTasks.Core.Http;

/// <summary>The last successful body of each GET, by URL, with its ETag: sent back as If-None-Match, a 304
/// answer reuses the body and costs no rate limit. One cache per client, and a client has one token, so
/// nothing is shared between identities.</summary>
internal sealed class ResponseCache
{
    // Enough for a long Wait-CopilotTask over many tasks; beyond it the cache starts over rather than grow.
    private const int Capacity = 1000;
    private readonly Dictionary<string, CachedResponse> entries = new();

    public CachedResponse? Find(string url)
    {
        lock (entries) return entries.TryGetValue(url, out var entry) ? entry : null;
    }

    public void Store(string url, CachedResponse response)
    {
        lock (entries)
        {
            if (entries.Count >= Capacity && !entries.ContainsKey(url)) entries.Clear();
            entries[url] = response;
        }
    }
}

internal sealed class CachedResponse
{
    public CachedResponse(string etag, string body, string? link)
    {
        ETag = etag;
        Body = body;
        Link = link;
    }

    public string ETag { get; }
    public string Body { get; }
    public string? Link { get; }
}
