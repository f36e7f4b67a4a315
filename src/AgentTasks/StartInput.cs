using System.Management.Automation;
using AgentTasks.Commands;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>What a start was given, as an object with New-CopilotTask's parameter names: the TargetObject of a failed
/// start's error record, so that two prompts alike in their first words are told apart, and
/// <c>$failed.TargetObject | New-CopilotTask</c> tries exactly those starts again.</summary>
internal static class StartInput
{
    public const string TypeName = "AgentTasks.StartInput";

    public static PSObject Of(NewCopilotTaskCommand command, RepositoryName? repository)
    {
        var input = new PSObject();
        input.TypeNames.Insert(0, TypeName);
        input.Properties.Add(new PSNoteProperty(nameof(command.Prompt), command.Prompt));
        input.Properties.Add(new PSNoteProperty(nameof(command.Repository), repository?.ToString()));
        input.Properties.Add(new PSNoteProperty(nameof(command.BaseRef), command.BaseRef));
        input.Properties.Add(new PSNoteProperty(nameof(command.HeadRef), command.HeadRef));
        input.Properties.Add(new PSNoteProperty(nameof(command.Model), command.Model));
        input.Properties.Add(new PSNoteProperty(nameof(command.CustomAgent), command.CustomAgent));
        input.Properties.Add(new PSNoteProperty(nameof(command.CreatePullRequest), command.CreatePullRequest.IsPresent));
        return input;
    }
}
