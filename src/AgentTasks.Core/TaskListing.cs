using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AgentTasks.Core.Http;
using AgentTasks.Core.Models;
using AgentTasks.Core.Wire;

namespace AgentTasks.Core;

/// <summary>A listing read one page per call, so that a caller who has enough stops asking. Follows
/// <c>Link: rel="next"</c>; without a Link header, asks for the next page number while pages come full.
/// Tasks already seen are dropped, and a page with nothing new ends the listing, so a server that always
/// says "next" cannot keep us looping.</summary>
public sealed class TaskListing
{
    private const int ServerDefaultPageSize = 30;
    private readonly ApiSender sender;
    private readonly Uri endpoint;
    private readonly TaskQuery query;
    private readonly RepositoryName? repository;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private Uri? next;
    private int pagesRead;
    private int lastPageNumber;

    internal TaskListing(ApiSender sender, Uri endpoint, TaskQuery query, RepositoryName? repository)
    {
        this.sender = sender;
        this.endpoint = endpoint;
        this.query = query;
        this.repository = repository;
        lastPageNumber = 1;
        next = PageUri(lastPageNumber);
    }

    /// <summary>From the first page: the envelope's count of non-archived tasks that match (when the API gives it).</summary>
    public int? TotalActiveCount { get; private set; }
    public int? TotalArchivedCount { get; private set; }
    public bool IsComplete => next is null;

    /// <summary>The next page, or null when the listing is over.</summary>
    public async Task<CopilotTaskPage?> NextPageAsync(CancellationToken cancellationToken = default)
    {
        if (next is null) return null;
        var target = repository?.ToString();
        var result = await sender.SendAsync(new ApiCall(HttpMethod.Get, next, target, taskScoped: false), WireJson.ReadList, cancellationToken).ConfigureAwait(false);
        pagesRead++;
        var all = (result.Value.Tasks ?? new List<TaskDto?>()).Where(t => t?.Id is not null).Select(t => t!).ToList();
        var fresh = all.Where(t => seen.Add(t.Id!)).Select(t => TaskMapper.ToTask(t, repository)).ToArray();
        if (pagesRead == 1)
        {
            TotalActiveCount = result.Value.TotalActiveCount;
            TotalArchivedCount = result.Value.TotalArchivedCount;
        }
        next = fresh.Length == 0 ? null : NextUri(result.Link, all.Count);
        return new CopilotTaskPage(pagesRead, fresh, result.Value.TotalActiveCount, result.Value.TotalArchivedCount);
    }

    private Uri? NextUri(string? linkHeader, int itemCount)
    {
        var link = LinkHeader.Find(linkHeader, "next");
        if (link is not null)
        {
            if (SameOrigin(link, endpoint)) return link;
            // Never send the token to another origin: ask our own endpoint for the page the link names.
            var page = PageOf(link);
            return page is null ? null : PageUri(lastPageNumber = page.Value);
        }
        if (!string.IsNullOrEmpty(linkHeader)) return null;
        return itemCount < (query.PageSize ?? ServerDefaultPageSize) ? null : PageUri(++lastPageNumber);
    }

    private Uri PageUri(int page) => new(endpoint.AbsoluteUri + query.ToQueryString(page));

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static int? PageOf(Uri link)
    {
        foreach (var pair in link.Query.TrimStart('?').Split('&'))
        {
            var parts = pair.Split(new[] { '=' }, 2);
            if (parts.Length == 2 && parts[0] == "page"
                && int.TryParse(Uri.UnescapeDataString(parts[1]), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1)
                return page;
        }
        return null;
    }
}
