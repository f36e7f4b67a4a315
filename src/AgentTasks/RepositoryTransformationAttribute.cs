using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Reads <c>owner/repo</c> into a <see cref="RepositoryName"/> when the parameter is bound, so that a
/// malformed name fails before any request, with the core's message, and is parsed once. Empty text (the unknown
/// repository of a piped task) binds as null: the cmdlet treats it as not given.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class RepositoryTransformationAttribute : ArgumentTransformationAttribute
{
    /// <summary>For Get-CopilotTask, whose first position -Repository shares with -Id. PowerShell offers a positional
    /// argument to every candidate, first without converting it, and a transformation that throws ends the binding
    /// (ParameterBinderController.BindPositionalParameters). So what may be a task id, or a list of them, is handed on
    /// as an <see cref="UnparsedRepository"/>, which binds here only converted: by position it goes to -Id (see
    /// <see cref="TaskIdTransformationAttribute"/>), by name or from the pipeline the cmdlet refuses it.</summary>
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
            case string id when LeavesTaskIds && InputValidator.IsTaskId(id):
                return new UnparsedRepository(id);
            case IEnumerable items when LeavesTaskIds && value is not string:
                return new UnparsedRepository(string.Join(", ", items.Cast<object?>().Select(item => item?.ToString())));
            case not string when LeavesTaskIds:
                // Another object (a task, a Guid): PowerShell finds no conversion to RepositoryName for it, which by
                // position leaves it to -Id, converted to its text.
                return inputData;
            default:
                var text = value.ToString()!;
                try
                {
                    return RepositoryName.Parse(text);
                }
                catch (ArgumentException e)
                {
                    // By position a word without '/' may have been meant as a task id, and is no more that than a repository.
                    var neither = LeavesTaskIds && !text.Contains("/") ? " Nor is it a task id, which the first position takes too." : "";
                    throw new ArgumentTransformationMetadataException(ErrorRecords.MessageOf(e) + neither, e);
                }
        }
    }
}
