using System;
using System.Collections.Generic;
using System.Globalization;

namespace AgentTasks.Core.Requests;

/// <summary>A listing of one repository's tasks (GET /agents/repos/{owner}/{repo}/tasks), which alone can filter
/// by creator: the type says so, so that no run-time check has to.</summary>
public sealed class RepositoryTaskQuery : TaskQuery
{
    /// <summary>Only tasks these users created.</summary>
    public IReadOnlyCollection<long>? CreatorIds { get; set; }

    internal override void Validate()
    {
        base.Validate();
        foreach (var id in CreatorIds ?? Array.Empty<long>())
        {
            if (id <= 0)
            {
                throw new ArgumentException($"'{id}' is not a user id: expected a positive number.", nameof(CreatorIds));
            }
        }
    }

    private protected override void AddFilters(List<string> parts)
    {
        foreach (var id in CreatorIds ?? Array.Empty<long>())
        {
            parts.Add("creator_id=" + id.ToString(CultureInfo.InvariantCulture));
        }
    }
}
