using System;
using System.Management.Automation;

namespace AgentTasks;

/// <summary>Lets only text be a prompt: a string, or the Prompt property of a piped object (bound by property name).
/// Any other object piped in (a task, say) would otherwise be turned into its ToString() and started as a task.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class PromptTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is null or string)
        {
            return value;
        }

        // An object with a Prompt property is offered whole first (binding by value); left as it is, it does not
        // bind that way, and PowerShell then binds its Prompt property by name.
        if (PSObject.AsPSObject(inputData).Properties["Prompt"] is not null)
        {
            return inputData;
        }

        throw new ArgumentTransformationMetadataException(
            $"A {value.GetType().Name} is not a prompt: pipe strings, or objects with a Prompt property (such as Import-Csv rows).");
    }
}
