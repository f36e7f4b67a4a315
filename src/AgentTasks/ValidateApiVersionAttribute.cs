using System;
using System.Management.Automation;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Rejects what the core would not send as X-GitHub-Api-Version (see <see cref="InputValidator.ApiVersion"/>:
/// a real yyyy-MM-dd date in ASCII digits) at binding time, with the core's message.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateApiVersionAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        try
        {
            InputValidator.ApiVersion((arguments is PSObject wrapped ? wrapped.BaseObject : arguments)?.ToString());
        }
        catch (ArgumentException e)
        {
            throw new ValidationMetadataException(ErrorRecords.MessageOf(e), e);
        }
    }
}
