using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentTasks.Core.Models;

namespace AgentTasks.Core;

/// <summary>Applies PowerShell's -Skip and -First to a listing as it streams: pages are asked for only while
/// more tasks are wanted, so <c>-First 5</c> costs one request.</summary>
public sealed class PagedTaskReader
{
    private readonly TaskListing listing;
    private ulong toSkip;
    private ulong toTake;
    private bool started;

    public PagedTaskReader(TaskListing listing, ulong skip, ulong first)
    {
        this.listing = listing ?? throw new ArgumentNullException(nameof(listing));
        toSkip = skip;
        toTake = first;
    }

    /// <summary>The page size to ask for: the caller's, else just enough for -Skip plus -First, else the API's maximum
    /// (fewer requests for a full listing, and the first task still arrives after one page).</summary>
    public static int PageSizeFor(int? requested, ulong skip, ulong first)
    {
        if (requested is { } size) return size;
        var wanted = first == ulong.MaxValue || skip > InputValidator.MaxPageSize ? (ulong)InputValidator.MaxPageSize : skip + first;
        return (int)Math.Max(InputValidator.MinPageSize, Math.Min(wanted, (ulong)InputValidator.MaxPageSize));
    }

    /// <summary>The next tasks to write, or null when no more are wanted or there are none. The first page is
    /// always read, even for -First 0, so that the total count is known.</summary>
    public async Task<IReadOnlyList<CopilotTask>?> NextAsync(CancellationToken cancellationToken = default)
    {
        if (started && toTake == 0) return null;
        started = true;
        var page = await listing.NextPageAsync(cancellationToken).ConfigureAwait(false);
        if (page is null) return null;
        var skipped = (int)Math.Min(toSkip, (ulong)page.Tasks.Count);
        toSkip -= (ulong)skipped;
        var taken = page.Tasks.Skip(skipped).Take((int)Math.Min(toTake, int.MaxValue)).ToArray();
        toTake -= (ulong)taken.Length;
        return taken;
    }

    /// <summary>The envelope's count for the side of the archive being listed, or null when the API gave none.</summary>
    public int? TotalCount(bool archived) => archived ? listing.TotalArchivedCount : listing.TotalActiveCount;
}
