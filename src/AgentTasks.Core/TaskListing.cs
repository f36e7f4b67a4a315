using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Http;
using AgentTasks.Core.Models;
using AgentTasks.Core.Requests;
using AgentTasks.Core.Wire;

namespace AgentTasks.Core;

/// <summary>A listing read one page per call. It starts at the page that holds the query's first wanted task (-Skip)
/// and asks for no page once it has -First tasks; until then, from the second page on, the next page is asked for
/// while the caller works on the last one, one request in flight at most (a caller that stops after the second page or
/// later without First costs one request more). Follows
/// <c>Link: rel="next"</c>; without a Link header, asks for the next page number while pages come full.
/// Tasks already seen are dropped. A listing never ends short without a word: a page with nothing new while the
/// server still says "next" (it would keep us looping), a next link that cannot be followed, or a later page that
/// fails are a <see cref="CopilotListingIncompleteException"/> that says how many tasks came before it.</summary>
public sealed class TaskListing
{
    private readonly ApiSender sender;
    private readonly Uri endpoint;
    private readonly TaskQuery query;
    private readonly RepositoryName? repository;
    private readonly RepositoryNamer? namer;
    private readonly SeenTaskIds seen = new();
    private readonly int pageSize;
    private Uri? next;
    private bool started;
    private ulong toSkip;
    private ulong toTake;
    private int pageNumber;
    private int delivered;
    // Why the listing cannot go on past the page just returned: said at the next call, after that page's tasks.
    private string? stopReason;
    // The next page, asked for while the caller works on the one just returned: the only request in flight.
    private Task<ApiResult<TaskPage>>? prefetch;
    private int pagesReturned;

    /// <param name="namer">For a user-wide listing, whose items name their repository by id only.</param>
    internal TaskListing(ApiSender sender, Uri endpoint, TaskQuery query, RepositoryName? repository, RepositoryNamer? namer)
    {
        this.namer = namer;
        this.sender = sender;
        this.endpoint = endpoint;
        this.query = query;
        this.repository = repository;
        pageSize = query.EffectivePageSize;
        // Whole pages of skipped tasks are never asked for: start at the page that holds the first one wanted.
        pageNumber = (int)Math.Min(query.Skip / (ulong)pageSize, int.MaxValue - 1) + 1;
        toSkip = query.Skip - (ulong)(pageNumber - 1) * (ulong)pageSize;
        toTake = query.First ?? ulong.MaxValue;
        next = PageUri(pageNumber);
    }

    /// <summary>From the first page read: the envelope's count of non-archived tasks that match (when the API gives it).</summary>
    public int? TotalActiveCount { get; private set; }
    public int? TotalArchivedCount { get; private set; }
    /// <summary>The number of the page read last (0 before the first).</summary>
    public int PageNumber { get; private set; }
    /// <summary>The number of the listing's last page, when the server says (Link rel="last"): for progress.</summary>
    public int? LastPageNumber { get; private set; }
    /// <summary>The envelope's count for the side of the archive this listing reads, or null when the API gave none.</summary>
    public int? TotalCount => query.Archived == true ? TotalArchivedCount : TotalActiveCount;

    /// <summary>The next page's tasks within the query's window, or null when the listing is over. The first page is
    /// always read, even for <c>First = 0</c>, so that the total counts are known.</summary>
    public async Task<IReadOnlyList<CopilotTask>?> NextPageAsync(CancellationToken cancellationToken = default)
    {
        if (started && toTake == 0)
        {
            return null;
        }

        if (stopReason is not null)
        {
            throw ErrorTable.ListingIncomplete(repository?.ToString(), delivered, stopReason);
        }

        if (next is null)
        {
            return null;
        }

        var target = repository?.ToString();
        var requested = next;
        ApiResult<TaskPage> result;
        var pending = prefetch;
        prefetch = null;
        try
        {
            result = await (pending ?? Fetch(next, cancellationToken)).ConfigureAwait(false);
        }
        catch (CopilotException e) when (started && !e.AffectsEveryCall)
        {
            throw ErrorTable.ListingIncomplete(target, delivered, $"a page could not be read: {e.Message.TrimEnd('.')}", e);
        }

        if (!started)
        {
            TotalActiveCount = result.Value.TotalActiveCount;
            TotalArchivedCount = result.Value.TotalArchivedCount;
            started = true;
        }
        var all = result.Value.Tasks;
        var fresh = new List<CopilotTask>(all.Count);
        foreach (var task in all)
        {
            if (seen.Add(task.Id))
            {
                fresh.Add(task);
            }
        }

        PageNumber = PageOf(requested) ?? PageNumber + 1;
        // Counted on from the page read, whichever way it was reached, for a server that stops sending links.
        pageNumber = PageNumber;
        LastPageNumber = LinkHeader.Find(result.Link, "last") is { } last ? PageOf(last) : LastPageNumber;
        // An empty page ends the listing whatever the links say.
        next = all.Count == 0 ? null : NextUri(result.Link, all.Count);
        if (next is not null && fresh.Count == 0)
        {
            throw ErrorTable.ListingIncomplete(target, delivered, "the server said there was more but sent only tasks already listed");
        }

        var skipped = (int)Math.Min(toSkip, (ulong)fresh.Count);
        toSkip -= (ulong)skipped;
        var taken = new CopilotTask[(int)Math.Min(toTake, (ulong)(fresh.Count - skipped))];
        for (var i = 0; i < taken.Length; i++)
        {
            taken[i] = fresh[skipped + i];
        }

        toTake -= (ulong)taken.Length;
        delivered += taken.Length;
        if (namer is not null)
        {
            await namer.NameAsync(taken, cancellationToken).ConfigureAwait(false);
        }

        // Asked for now, so that the server works while the caller writes these tasks; started last, after any other
        // request of this page, so that a listing never has two in flight (GitHub asks for requests one at a time).
        // Only from the second page on: a caller that stops after the first (Select-Object -First 3) costs nothing.
        prefetch = next is not null && toTake > 0 && ++pagesReturned >= 2 ? Fetch(next, cancellationToken) : null;
        return taken;
    }

    private Task<ApiResult<TaskPage>> Fetch(Uri page, CancellationToken cancellationToken)
    {
        // Read on the thread the answer arrives on, straight into the models (TaskPage.Read).
        var known = repository;
        var fetch = sender.SendAsync(new ApiCall(HttpMethod.Get, page, repository?.ToString(), taskScoped: false), utf8 => TaskPage.Read(utf8, known), cancellationToken);
        // A caller that stops reading never awaits it: its failure is observed here instead of going unnoticed.
        _ = fetch.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return fetch;
    }

    private Uri? NextUri(string? linkHeader, int itemCount)
    {
        var link = LinkHeader.Find(linkHeader, "next");
        if (link is not null)
        {
            if (SameOrigin(link, endpoint))
            {
                return link;
            }
            // Never send the token to another origin: ask our own endpoint for the page the link names.
            if (PageOf(link) is { } page)
            {
                return PageUri(pageNumber = page);
            }

            stopReason = $"its next page is on another host ({link.Host}) and names no page number to ask for here";
            return null;
        }
        if (!string.IsNullOrEmpty(linkHeader))
        {
            return null;
        }

        return itemCount < pageSize ? null : PageUri(++pageNumber);
    }

    private Uri PageUri(int page) => new(endpoint.AbsoluteUri + query.ToQueryString(page));

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static readonly char[] NameValueSeparator = { '=' };

    private static int? PageOf(Uri link)
    {
        foreach (var pair in link.Query.TrimStart('?').Split('&'))
        {
            var parts = pair.Split(NameValueSeparator, 2);
            if (parts.Length == 2 && parts[0] == "page"
                && int.TryParse(Uri.UnescapeDataString(parts[1]), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1)
            {
                return page;
            }
        }
        return null;
    }
}
