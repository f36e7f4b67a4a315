using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AgentTasks.Core.Models;

namespace AgentTasks.Core.Requests;

/// <summary>The filters and the window (-Skip, -First) of a task listing: <see cref="UserTaskQuery"/> for the user's
/// tasks across repositories, <see cref="RepositoryTaskQuery"/> for one repository's. Unset filters are not sent, so
/// the server's defaults apply (newest update first, non-archived only). Pattern: go-github's list options, which
/// embed the paging options.</summary>
public abstract class TaskQuery
{
    private protected TaskQuery()
    {
    }

    public IReadOnlyCollection<CopilotTaskState>? States { get; set; }
    public TaskSortField? Sort { get; set; }
    public SortDirection? Direction { get; set; }
    /// <summary>true: only archived tasks; false: only non-archived ones. The API never returns both at once.</summary>
    public bool? Archived { get; set; }
    /// <summary>Only tasks updated at or after this time.</summary>
    public DateTimeOffset? Since { get; set; }
    /// <summary>Tasks per request, 1 to 100. Default: just enough for <see cref="Skip"/> plus <see cref="First"/>, else 100.</summary>
    public int? PageSize { get; set; }
    /// <summary>Tasks to pass over before the first one returned. The listing starts at the page that holds the first
    /// task wanted, instead of reading and dropping the ones before it.</summary>
    public ulong Skip { get; set; }
    /// <summary>At most this many tasks; null for all of them. The listing asks for no page once it has them.</summary>
    public ulong? First { get; set; }

    /// <summary>The page size asked for: the caller's, else just enough for the window, else the API's maximum (fewer
    /// requests for a full listing; the first task still arrives after one page).</summary>
    internal int EffectivePageSize
    {
        get
        {
            if (PageSize is { } size)
            {
                return size;
            }

            var wanted = First is { } first && first <= InputValidator.MaxPageSize && Skip <= InputValidator.MaxPageSize - first
                ? (int)(Skip + first)
                : InputValidator.MaxPageSize;
            return Math.Max(InputValidator.MinPageSize, wanted);
        }
    }

    /// <summary>Fails with an <see cref="ArgumentException"/> on anything the API would refuse, before any request.</summary>
    internal virtual void Validate()
    {
        if (PageSize is { } size)
        {
            InputValidator.PageSize(size);
        }

        foreach (var state in States ?? Array.Empty<CopilotTaskState>())
        {
            if (!TaskStates.Known.Contains(state))
            {
                throw new ArgumentException($"'{state}' is not a state to filter by: expected any of {string.Join(", ", TaskStates.Known)}.", nameof(States));
            }
        }
    }

    /// <summary>The query string for one page, starting with '?'.</summary>
    internal string ToQueryString(int page)
    {
        var parts = new List<string>
        {
            "per_page=" + EffectivePageSize.ToString(CultureInfo.InvariantCulture),
            "page=" + page.ToString(CultureInfo.InvariantCulture),
        };
        if (Sort is { } sort)
        {
            parts.Add("sort=" + (sort == TaskSortField.CreatedAt ? "created_at" : "updated_at"));
        }

        if (Direction is { } direction)
        {
            parts.Add("direction=" + (direction == SortDirection.Ascending ? "asc" : "desc"));
        }

        if (States is { Count: > 0 })
        {
            parts.Add("state=" + string.Join(",", States.Distinct().Select(TaskStates.ToWire)));
        }

        if (Archived is { } archived)
        {
            parts.Add("is_archived=" + (archived ? "true" : "false"));
        }

        if (Since is { } since)
        {
            parts.Add("since=" + Uri.EscapeDataString(since.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }

        AddFilters(parts);
        return "?" + string.Join("&", parts);
    }

    /// <summary>The filters only one kind of listing has.</summary>
    private protected virtual void AddFilters(List<string> parts)
    {
    }
}
