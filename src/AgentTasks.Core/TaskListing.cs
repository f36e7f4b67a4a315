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
/// and asks for no page once it has -First tasks. From the second page on, the next page is asked for as soon as the
/// page the caller waits for has come, before that one is parsed and while the caller works on the last: the server
/// makes a page while this side reads one. One request is in flight at most (GitHub asks for requests one at a time),
/// retries included; a caller that stops after the second page or later without First costs one request more, and so
/// does a page that turns out empty or all seen though it linked to a next. Follows <c>Link: rel="next"</c>; without a
/// Link header, asks for the next page number while pages come full, after each page is read.
/// Tasks already seen are dropped. A listing never ends short without a word: a page with nothing new while the
/// server still says "next" (it would keep us looping), a next link that cannot be followed, or a later page that
/// fails are a <see cref="CopilotListingIncompleteException"/> that says how many tasks came before it.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Its SemaphoreSlim holds no wait handle (AvailableWaitHandle is never asked for), so there is nothing to dispose.")]
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
    // Held by each of this listing's requests until its body is read: never two in flight.
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    // Guards what the thread an answer comes on and the caller's thread both look at: PageRequest's state, ahead,
    // pagesAsked.
    private readonly object sync = new();
    // The next page, asked for before the caller asks for it.
    private PageRequest? prefetch;
    // The page asked for as soon as the one the caller waits for came, before that one is parsed; taken into prefetch
    // once it is. Kept here, not on the page before it, so that no page leads to the pages after it: a page the caller
    // is done with, held by anyone, holds no later one.
    private PageRequest? ahead;
    private int pagesAsked;

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
    /// <param name="cancellationToken">Cancels this call and the page it may ask for ahead: give every call of a
    /// listing the same token.</param>
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
        var current = prefetch ?? Fetch(next, cancellationToken);
        prefetch = null;
        lock (sync)
        {
            pagesAsked++;
            current.Wanted = true;
            if (current.HasCome)
            {
                AskForTheFollowing(current, cancellationToken);
            }
        }

        ApiResult<TaskPage> result;
        try
        {
            result = await current.Answer.ConfigureAwait(false);
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
        // The page asked for when this one came, if it is the next: taken now, so that a caller who goes on after the
        // error below reads it rather than asking for it again.
        var following = TakeAhead(next);
        if (next is not null && fresh.Count == 0)
        {
            prefetch = following;
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
            await namer.NameAsync(taken, oneAtATime, cancellationToken).ConfigureAwait(false);
        }

        // The page after this one, if still wanted: the one asked for when this came, or else asked for now, so that
        // the server works while the caller writes these tasks. Only from the second page on: a caller that stops
        // after the first (Select-Object -First 3) costs nothing.
        if (next is not null && toTake > 0)
        {
            prefetch = following ?? (pagesAsked >= 2 ? Fetch(next, cancellationToken) : null);
        }

        return taken;
    }

    /// <summary>The page asked for ahead, when it is <paramref name="page"/>; one that is not (or is not wanted) is
    /// dropped, and the listing asks for nothing ahead until the next page comes.</summary>
    private PageRequest? TakeAhead(Uri? page)
    {
        lock (sync)
        {
            var taken = ahead;
            ahead = null;
            return taken is not null && taken.Uri == page ? taken : null;
        }
    }

    /// <summary>Asks for the page after <paramref name="page"/> once it has come (its body read, not yet parsed) and
    /// the caller waits for it, when that page is surely wanted: from the second page on, while -First wants more than
    /// a page more, and where the Link header names it on this origin and not the same page again (else the caller asks
    /// once the page is read).</summary>
    private void AskForTheFollowing(PageRequest page, CancellationToken cancellationToken)
    {
        if (ahead is not null || pagesAsked < 2 || toTake <= (ulong)pageSize)
        {
            return;
        }

        // Not a link back to the same page: the sign of a server that repeats itself, which the listing stops at.
        if (LinkHeader.Find(page.Link, "next") is { } link && SameOrigin(link, endpoint) && link != page.Uri)
        {
            ahead = Fetch(link, cancellationToken);
        }
    }

    private PageRequest Fetch(Uri uri, CancellationToken cancellationToken)
    {
        var page = new PageRequest(uri);
        var call = new ApiCall(HttpMethod.Get, uri, repository?.ToString(), taskScoped: false)
        {
            OneAtATime = oneAtATime,
            Answered = link =>
            {
                lock (sync)
                {
                    page.Link = link;
                    page.HasCome = true;
                    if (page.Wanted)
                    {
                        AskForTheFollowing(page, cancellationToken);
                    }
                }
            },
        };
        // Read on the thread the answer arrives on, straight into the models (TaskPage.Read).
        var known = repository;
        page.Answer = sender.SendAsync(call, utf8 => TaskPage.Read(utf8, known), cancellationToken);
        // A caller that stops reading never awaits it: its failure is observed here instead of going unnoticed.
        _ = page.Answer.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return page;
    }

    /// <summary>One page asked for. <see cref="HasCome"/>, <see cref="Wanted"/> and <see cref="Link"/> are read and
    /// written under the listing's lock.</summary>
    private sealed class PageRequest
    {
        public PageRequest(Uri uri) => Uri = uri;

        public Uri Uri { get; }
        public Task<ApiResult<TaskPage>> Answer { get; set; } = null!;
        /// <summary>Its body has been read (it may still fail to parse, and be asked for again).</summary>
        public bool HasCome { get; set; }
        /// <summary>The caller waits for it.</summary>
        public bool Wanted { get; set; }
        public string? Link { get; set; }
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
