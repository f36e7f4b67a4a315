using System;
using System.Management.Automation;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Rejects a malformed <c>owner/repo</c> at binding time, before any request, with the core's message.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateRepositoryAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        // Empty values come from pipeline objects whose repository is unknown; the cmdlet treats them as absent.
        if (value is null || (value is string text && text.Length == 0)) return;
        try
        {
            RepositoryName.Parse(value.ToString()!);
        }
        catch (ArgumentException e)
        {
            throw new ValidationMetadataException(e.Message, e);
        }
    }
}
