using System;
using System.Management.Automation;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Progress of a listing longer than one page: "page 2 of 30", from the last page the Link header names.
/// A one-page listing shows none.</summary>
internal sealed class ListingProgress
{
    private const int ProgressId = 2;
    private const string Activity = "Listing Copilot tasks";
    private readonly Cmdlet cmdlet;
    private bool shown;

    public ListingProgress(Cmdlet cmdlet)
    {
        this.cmdlet = cmdlet;
    }

    public void Page(TaskListing listing)
    {
        if (listing.LastPageNumber is not { } last || last <= 1)
        {
            return;
        }

        shown = true;
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
