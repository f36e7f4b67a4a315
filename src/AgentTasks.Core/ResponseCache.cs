using System;
using System.Collections.Generic;

namespace AgentTasks.Core;

/// <summary>The last successful body of each GET worth asking again, with its ETag: sent back as If-None-Match, a 304
/// answer reuses the body and costs no rate limit. Clients may share one (a PowerShell connection does, so that separate
/// commands benefit); entries are keyed by token as well as URL, so no identity sees another's answers. It is bounded in
/// bytes, the least recently used going first.</summary>
public sealed class ResponseCache
{
    // Room for the first pages and the tasks a long Wait-CopilotTask polls, a few KiB each; a page of 100 is ~60 KiB.
    internal const long DefaultCapacityBytes = 4 * 1024 * 1024;
    // What an entry costs besides its body and strings: the node, the dictionary slot, the objects.
    private const int EntryOverheadBytes = 200;
    private readonly long capacityBytes;
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    // Most recently used first.
    private readonly LinkedList<Entry> recency = new();
    private long bytes;
    // Repository names by token fingerprint and id (null: the token may not see it), for user-wide listings.
    private readonly Dictionary<string, RepositoryName?> repositoryNames = new(StringComparer.Ordinal);

    public ResponseCache()
        : this(DefaultCapacityBytes)
    {
    }

    internal ResponseCache(long capacityBytes) => this.capacityBytes = capacityBytes;

    /// <summary>What the entries take, about.</summary>
    internal long Bytes
    {
        get
        {
            lock (entries)
            {
                return bytes;
            }
        }
    }

    /// <summary>
    /// A task, or a first page, is asked again by a wait or the next command; a later page of a listing only is when
    /// the listing has <c>since</c>, as a wait's polls do. A one-off listing's later pages are not kept, so memory does
    /// not grow with the number of pages.
    /// </summary>
    internal static bool IsWorthKeeping(Uri uri)
    {
        var laterPage = false;
        var since = false;
        foreach (var parameter in uri.Query.TrimStart('?').Split('&'))
        {
            var equals = parameter.IndexOf('=');
            var name = equals < 0 ? parameter : parameter.Substring(0, equals);
            var value = equals < 0 ? "" : parameter.Substring(equals + 1);
            laterPage |= name == "page" && value != "1";
            since |= name == "since" && value.Length > 0;
        }

        return !laterPage || since;
    }

    internal CachedResponse? Find(string key)
    {
        lock (entries)
        {
            if (!entries.TryGetValue(key, out var node))
            {
                return null;
            }

            recency.Remove(node);
            recency.AddFirst(node);
            return node.Value.Response;
        }
    }

    internal void Store(string key, CachedResponse response)
    {
        var size = SizeOf(key, response);
        lock (entries)
        {
            if (entries.TryGetValue(key, out var old))
            {
                Remove(old);
            }

            if (size > capacityBytes)
            {
                return;
            }

            while (bytes + size > capacityBytes)
            {
                Remove(recency.Last!);
            }

            entries.Add(key, recency.AddFirst(new Entry(key, response, size)));
            bytes += size;
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        recency.Remove(node);
        entries.Remove(node.Value.Key);
        bytes -= node.Value.Size;
    }

    private static long SizeOf(string key, CachedResponse response) =>
        EntryOverheadBytes + response.Body.Length + (2L * (key.Length + response.ETag.Length + (response.Link?.Length ?? 0)));

    internal bool TryGetRepositoryName(string key, out RepositoryName? name)
    {
        lock (repositoryNames)
        {
            return repositoryNames.TryGetValue(key, out name);
        }
    }

    internal void StoreRepositoryName(string key, RepositoryName? name)
    {
        lock (repositoryNames)
        {
            repositoryNames[key] = name;
        }
    }

    private sealed class Entry
    {
        public Entry(string key, CachedResponse response, long size)
        {
            Key = key;
            Response = response;
            Size = size;
        }

        public string Key { get; }
        public CachedResponse Response { get; }
        public long Size { get; }
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
