using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AgentTasks.Core.Models;

namespace AgentTasks.Core;

/// <summary>The filters of a task listing. Unset members are not sent, so the server's defaults apply
/// (30 a page, newest update first, non-archived only).</summary>
public sealed class TaskQuery
{
    public IReadOnlyCollection<CopilotTaskState>? States { get; set; }
    public TaskSortField? Sort { get; set; }
    public SortDirection? Direction { get; set; }
    /// <summary>true: only archived tasks; false: only non-archived ones. The API never returns both at once.</summary>
    public bool? Archived { get; set; }
    /// <summary>Only tasks updated at or after this time.</summary>
    public DateTimeOffset? Since { get; set; }
    /// <summary>Only tasks these users created. Repository listings only.</summary>
    public IReadOnlyCollection<long>? CreatorIds { get; set; }
    public int? PageSize { get; set; }

    /// <summary>Fails with an <see cref="ArgumentException"/> on anything the API would refuse, before any request.</summary>
    internal void Validate(bool repositoryListing)
    {
        if (PageSize is { } size) InputValidator.PageSize(size);
        foreach (var state in States ?? Array.Empty<CopilotTaskState>())
        {
            if (!TaskStates.Known.Contains(state))
                throw new ArgumentException($"'{state}' is not a state to filter by: expected any of {string.Join(", ", TaskStates.Known)}.", nameof(States));
        }
        if (CreatorIds is { Count: > 0 } && !repositoryListing)
            throw new ArgumentException("Filtering by creator works only when listing one repository's tasks.", nameof(CreatorIds));
        foreach (var id in CreatorIds ?? Array.Empty<long>())
        {
            if (id <= 0) throw new ArgumentException($"'{id}' is not a user id: expected a positive number.", nameof(CreatorIds));
        }
    }

    /// <summary>The query string for one page, starting with '?'.</summary>
    internal string ToQueryString(int page)
    {
        var parts = new List<string>();
        if (PageSize is { } size) parts.Add("per_page=" + size.ToString(CultureInfo.InvariantCulture));
        parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        if (Sort is { } sort) parts.Add("sort=" + (sort == TaskSortField.CreatedAt ? "created_at" : "updated_at"));
        if (Direction is { } direction) parts.Add("direction=" + (direction == SortDirection.Ascending ? "asc" : "desc"));
        if (States is { Count: > 0 }) parts.Add("state=" + string.Join(",", States.Distinct().Select(TaskStates.ToWire)));
        if (Archived is { } archived) parts.Add("is_archived=" + (archived ? "true" : "false"));
        if (Since is { } since) parts.Add("since=" + Uri.EscapeDataString(since.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        foreach (var id in CreatorIds ?? Array.Empty<long>()) parts.Add("creator_id=" + id.ToString(CultureInfo.InvariantCulture));
        return "?" + string.Join("&", parts);
    }
}
