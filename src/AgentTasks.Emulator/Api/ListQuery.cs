using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AgentTasks.Emulator.Tasks;

namespace AgentTasks.Emulator.Api;

/// <summary>The validated query of a list request. Empty parameters count as absent.</summary>
internal sealed record ListQuery(
    int PerPage,
    int Page,
    bool SortByCreated,
    bool Ascending,
    IReadOnlySet<string>? States,
    bool Archived,
    DateTimeOffset? Since,
    IReadOnlySet<long>? CreatorIds)
{
    public const int MaxPerPage = 100;
    private const int DefaultPerPage = 30;

    /// <summary>
    /// Reads the parameters of a list request; <paramref name="filterByCreator"/> is false on <c>/agents/tasks</c>,
    /// which ignores <c>creator_id</c>.
    /// </summary>
    public static bool TryParse(
        RawQuery query, bool filterByCreator,
        [NotNullWhen(true)] out ListQuery? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (!TryInteger(query.Last("per_page"), DefaultPerPage, 1, MaxPerPage, out var perPage))
        {
            error = $"per_page must be an integer from 1 to {MaxPerPage}";
            return false;
        }

        if (!TryInteger(query.Last("page"), 1, 1, int.MaxValue, out var page))
        {
            error = "page must be an integer of 1 or more";
            return false;
        }

        var sort = query.Last("sort") ?? "updated_at";
        if (sort is not ("updated_at" or "created_at"))
        {
            error = $"sort must be updated_at or created_at, not '{sort}'";
            return false;
        }

        var direction = query.Last("direction") ?? "desc";
        if (direction is not ("asc" or "desc"))
        {
            error = $"direction must be asc or desc, not '{direction}'";
            return false;
        }

        HashSet<string>? states = null;
        if (query.Last("state") is { } stateList)
        {
            states = [.. stateList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            if (states.FirstOrDefault(s => !StateNames.IsKnown(s)) is { } unknown)
            {
                error = $"state '{unknown}' is not one of {string.Join(", ", StateNames.All)}";
                return false;
            }
        }

        var archived = false;
        if (query.Last("is_archived") is { } archivedText && !bool.TryParse(archivedText, out archived))
        {
            error = $"is_archived must be true or false, not '{archivedText}'";
            return false;
        }

        DateTimeOffset? since = null;
        if (query.Last("since") is { } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sinceTime))
            {
                error = $"since must be an ISO 8601 date-time, not '{sinceText}'";
                return false;
            }

            since = sinceTime;
        }

        HashSet<long>? creatorIds = null;
        if (filterByCreator)
        {
            foreach (var text in query.Values("creator_id").Where(v => v.Length > 0))
            {
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    error = $"creator_id must be an integer, not '{text}'";
                    return false;
                }

                (creatorIds ??= []).Add(id);
            }
        }

        parsed = new ListQuery(perPage, page, sort == "created_at", direction == "asc", states, archived, since, creatorIds);
        error = null;
        return true;
    }

    /// <summary>Whether a task passes the filters (state, since, creator) as it stands at <paramref name="now"/>;
    /// <c>is_archived</c> picks the side of the index instead.</summary>
    public bool Matches(EmulatedTask task, DateTimeOffset now)
    {
        var phase = task.PhaseAt(now);
        return (States is null || States.Contains(phase.State))
            && (Since is null || phase.Since >= Since)
            && (CreatorIds is null || CreatorIds.Contains(task.CreatorId));
    }

    private static bool TryInteger(string? text, int fallback, int min, int max, out int value)
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
