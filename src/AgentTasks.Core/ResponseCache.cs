using System.Collections.Generic;

namespace AgentTasks.Core;

/// <summary>The last successful body of each GET, with its ETag: sent back as If-None-Match, a 304 answer reuses
/// the body and costs no rate limit. Clients may share one (a PowerShell connection does, so that separate
/// commands benefit); entries are keyed by token as well as URL, so no identity sees another's answers.</summary>
public sealed class ResponseCache
{
    // Enough for a long Wait-CopilotTask over many tasks; beyond it the cache starts over rather than grow.
    private const int Capacity = 1000;
    private readonly Dictionary<string, CachedResponse> entries = new();

    internal CachedResponse? Find(string key)
    {
        lock (entries)
        {
            return entries.TryGetValue(key, out var entry) ? entry : null;
        }
    }

    internal void Store(string key, CachedResponse response)
    {
        lock (entries)
        {
            if (entries.Count >= Capacity && !entries.ContainsKey(key))
            {
                entries.Clear();
            }

            entries[key] = response;
        }
    }
}

internal sealed class CachedResponse
{
    public CachedResponse(string etag, byte[] body, string? link)
    {
        ETag = etag;
        Body = body;
        Link = link;
    }

    public string ETag { get; }
    /// <summary>The UTF-8 bytes of the body, as they came.</summary>
    public byte[] Body { get; }
    public string? Link { get; }
}
