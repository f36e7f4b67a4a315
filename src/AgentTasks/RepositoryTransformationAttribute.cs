using System;
using System.Linq;
using System.Management.Automation;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Reads <c>owner/repo</c> into a <see cref="RepositoryName"/> when the parameter is bound, so that a
/// malformed name fails before any request, with the core's message, and is parsed once. Empty text (the unknown
/// repository of a piped task) binds as null: the cmdlet treats it as not given.</summary>
/// <remarks>Get-CopilotTask's first position is a repository or a task id. PowerShell offers a positional argument
/// to each candidate in no set order, first without converting it, and a transformation that throws ends the binding.
/// So with <see cref="LeavesTaskIds"/> a task id (or a list of them) is left as it is: it cannot bind here unconverted
/// and goes to -Id (see <see cref="TaskIdTransformationAttribute"/>). Named, as <c>-Repository &lt;id&gt;</c>,
/// PowerShell then converts the text with <see cref="RepositoryName.Parse"/>, whose message it quotes.</remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class RepositoryTransformationAttribute : ArgumentTransformationAttribute
{
    /// <summary>Leave task ids for a positional -Id of the same cmdlet.</summary>
    public bool LeavesTaskIds { get; set; }

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
            case string text when LeavesTaskIds && InputValidator.IsTaskId(text):
            case object[] items when LeavesTaskIds && items.All(item => (item is PSObject inner ? inner.BaseObject : item) is string id && InputValidator.IsTaskId(id)):
                return inputData;
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
