using System;
using System.Management.Automation;
using AgentTasks.Core.Requests;

namespace AgentTasks;

/// <summary>Lets -Sort take the API's spelling (<c>created_at</c>) as well as the enum's (<c>CreatedAt</c>), as -State
/// does; anything else fails binding with the two fields.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class SortFieldTransformationAttribute : TextTransformationAttribute
{
    protected override object FromText(string text) =>
        Enum.TryParse<TaskSortField>(text.Replace("_", "").Replace("-", "").Trim(), ignoreCase: true, out var field) && Enum.IsDefined(typeof(TaskSortField), field)
            ? field
            : throw new ArgumentTransformationMetadataException($"'{text}' is not a field to sort by: expected updated_at or created_at.");
}
