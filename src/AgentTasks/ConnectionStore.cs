using System.Management.Automation;
using AgentTasks.Core.CmdletSupport;

namespace AgentTasks;

/// <summary>One connection per runspace, kept in a global variable of that runspace rather than in a static:
/// jobs, runspace pools and ForEach-Object -Parallel start unconnected, and a pooled runspace that PowerShell
/// resets for reuse (ResetRunspaceState clears the whole global variable table) forgets the connection too.</summary>
/// <remarks>The variable is private (SessionStateEntryVisibility.Private): what is typed at the prompt or sent by a
/// host (CommandOrigin.Runspace) neither lists it with Get-Variable nor reads <c>$__AgentTasksConnection</c>. Scripts
/// and functions run with CommandOrigin.Internal and still see it: PowerShell has no way to hide a variable from
/// them, and a static would survive the reset.</remarks>
internal static class ConnectionStore
{
    private const string VariableName = "global:__AgentTasksConnection";

    /// <summary>The runspace's connection; an empty one (environment only) is kept on first use, so that its
    /// response cache serves later commands too.</summary>
    public static ConnectionSettings Current(SessionState state)
    {
        var value = state.PSVariable.GetValue(VariableName);
        if ((value is PSObject wrapped ? wrapped.BaseObject : value) is Holder holder)
        {
            return holder.Settings;
        }

        var settings = new ConnectionSettings();
        Replace(state, settings);
        return settings;
    }

    public static void Replace(SessionState state, ConnectionSettings settings)
    {
        // PSVariable.Set(PSVariable) would set it in the caller's scope, so the value is set by its global name and the
        // variable then made private.
        state.PSVariable.Set(VariableName, new Holder(settings));
        state.PSVariable.Get(VariableName).Visibility = SessionStateEntryVisibility.Private;
    }

    /// <summary>Starts afresh: a new empty connection rather than removing the variable, which PowerShell refuses for a
    /// private variable when the command was typed at the prompt.</summary>
    public static void Reset(SessionState state) => Replace(state, new ConnectionSettings());

    /// <summary>Opaque in the variable table: shows no settings and, having no public members, exports none.</summary>
    private sealed class Holder
    {
        public Holder(ConnectionSettings settings) => Settings = settings;

        internal ConnectionSettings Settings { get; }

        public override string ToString() => "AgentTasks connection (see Get-CopilotAgentConnection)";
    }
}
