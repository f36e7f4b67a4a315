using System;
using System.Management.Automation;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Hands text that is no task id (<c>owner/repo</c> above all), and null, on as <see cref="NotATaskId"/>, which
/// PowerShell cannot bind to <c>string[]</c> without converting it: positional binding, which tries every candidate
/// unconverted first, then gives it to -Repository (see <see cref="RepositoryTransformationAttribute"/>), where null is
/// "-Repository is empty". Named, as <c>-Id &lt;text&gt;</c>, PowerShell converts it back to its text and ValidateTaskId
/// explains the mistake. Other values are left alone: a piped object must still bind by property name first.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class TaskIdTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) switch
        {
            null => new NotATaskId(""),
            string text when !InputValidator.IsTaskId(text) => new NotATaskId(text),
            _ => inputData,
        };

    private sealed class NotATaskId
    {
        public NotATaskId(string text) => Text = text;

        private string Text { get; }

        public override string ToString() => Text;
    }
}
