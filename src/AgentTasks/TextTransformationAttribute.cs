using System.Management.Automation;

namespace AgentTasks;

/// <summary>A transformation of what a person or a CSV cell types: text is read by <see cref="FromText"/>, and any
/// other value is left for PowerShell to bind as usual.</summary>
internal abstract class TextTransformationAttribute : ArgumentTransformationAttribute
{
    public sealed override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text ? FromText(text) : inputData;

    /// <summary>The value for <paramref name="text"/>; fails with an ArgumentTransformationMetadataException that says
    /// what was expected.</summary>
    protected abstract object FromText(string text);
}
