using System;
using System.Management.Automation;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Hands text that is no task id (<c>owner/repo</c> above all) on as <see cref="NotATaskId"/>, which
/// PowerShell cannot bind to <c>string[]</c> without converting it: positional binding, which tries every candidate
/// unconverted first, then gives it to -Repository (see <see cref="RepositoryTransformationAttribute"/>). Named, as
/// <c>-Id &lt;text&gt;</c>, PowerShell converts it back to its text and ValidateTaskId explains the mistake.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class TaskIdTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text && !InputValidator.IsTaskId(text)
            ? new NotATaskId(text)
            : inputData;

    private sealed class NotATaskId
    {
        public NotATaskId(string text) => Text = text;

        private string Text { get; }

        public override string ToString() => Text;
    }
}
