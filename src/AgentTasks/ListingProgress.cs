using System;
using System.Diagnostics;
using System.Management.Automation;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Progress of a listing longer than one page: "page 2 of 30", from the last page the Link header names.
/// A one-page listing shows none.</summary>
/// <remarks>The first page is shown at once, later ones at most every <see cref="Interval"/>: a host draws progress
/// a few times a second anyway, and a record for each of a fast listing's pages cost it a tenth of its time.</remarks>
internal sealed class ListingProgress
{
    private const int ProgressId = 2;
    private const string Activity = "Listing Copilot tasks";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly Cmdlet cmdlet;
    private readonly Stopwatch sinceShown = new();
    private bool shown;

    public ListingProgress(Cmdlet cmdlet)
    {
        this.cmdlet = cmdlet;
    }

    public void Page(TaskListing listing)
    {
        if (listing.LastPageNumber is not { } last || last <= 1 || (shown && sinceShown.Elapsed < Interval))
        {
            return;
        }

        shown = true;
        sinceShown.Restart();
        cmdlet.WriteProgress(new ProgressRecord(ProgressId, Activity, $"Page {listing.PageNumber} of {last}")
        {
            PercentComplete = Math.Min(100, 100 * listing.PageNumber / last),
        });
    }

    public void Done()
    {
        if (shown)
        {
            shown = false;
            cmdlet.WriteProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
