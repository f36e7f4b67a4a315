using System.Management.Automation;
using AgentTasks.Core.Models;

namespace AgentTasks.Commands;

/// <summary>Shows what calls in this runspace will use: base URI, API version, default repository, and where the
/// token comes from (never the token itself).</summary>
[Cmdlet(VerbsCommon.Get, "CopilotAgentConnection")]
[OutputType(typeof(CopilotAgentConnection))]
public sealed class GetCopilotAgentConnectionCommand : PSCmdlet
{
    protected override void EndProcessing() => WriteObject(ConnectionStore.Current(SessionState).Describe());
}
