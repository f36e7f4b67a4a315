using System;
using System.Management.Automation;
using AgentTasks.Core.CmdletSupport;

namespace AgentTasks;

/// <summary>Lets a switch take the text a CSV cell holds (true/false, yes/no, 1/0; an empty cell is false), which
/// PowerShell would otherwise not bind to a switch from the pipeline. Other text fails that row's binding.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class BooleanTextTransformationAttribute : TextTransformationAttribute
{
    protected override object FromText(string text) =>
        BooleanText.TryParse(text, out var flag)
            ? new SwitchParameter(flag)
            : throw new ArgumentTransformationMetadataException($"'{text}' is not true or false: expected true, false, yes, no, 1, 0 or an empty cell.");
}
