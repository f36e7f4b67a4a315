using System;
using System.Management.Automation;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Reads <c>owner/repo</c> into a <see cref="RepositoryName"/> when the parameter is bound, so that a
/// malformed name fails before any request, with the core's message, and is parsed once. Empty text (the unknown
/// repository of a piped task) binds as null: the cmdlet treats it as not given.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class RepositoryTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case null:
            case string { Length: 0 }:
                return null;
            case RepositoryName name:
                return name;
            default:
                try
                {
                    return RepositoryName.Parse(value.ToString()!);
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentTransformationMetadataException(ErrorRecords.MessageOf(e), e);
                }
        }
    }
}
