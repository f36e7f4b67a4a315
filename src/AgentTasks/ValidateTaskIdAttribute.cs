using System;
using System.Management.Automation;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Rejects a task id with '/', '..', white space or control characters at binding time.</summary>
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
            throw new ValidationMetadataException(e.Message, e);
        }
    }
}
