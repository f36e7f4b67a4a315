using System.Management.Automation;

namespace AgentTasks.Commands;

/// <summary>Forgets this runspace's connection; calls fall back to GH_TOKEN, GITHUB_TOKEN and GITHUB_API_URL.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "CopilotAgent")]
[OutputType(typeof(void))]
public sealed class DisconnectCopilotAgentCommand : PSCmdlet
{
    protected override void EndProcessing() => ConnectionStore.Reset(SessionState);
}
