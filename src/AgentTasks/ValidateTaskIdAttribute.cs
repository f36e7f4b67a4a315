using System;
using System.Management.Automation;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Rejects what the core would not send as a task id (see <see cref="InputValidator.TaskId"/>) at binding time, with the core's message.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateTaskIdAttribute : ValidateEnumeratedArgumentsAttribute
{
    protected override void ValidateElement(object element)
    {
        try
        {
            InputValidator.TaskId((element is PSObject wrapped ? wrapped.BaseObject : element)?.ToString());
        }
        catch (ArgumentException e)
        {
            throw new ValidationMetadataException(ErrorRecords.MessageOf(e), e);
        }
    }
}
