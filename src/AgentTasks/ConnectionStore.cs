using System.Management.Automation;
using AgentTasks.Core.CmdletSupport;

namespace AgentTasks;

/// <summary>One connection per runspace, kept in a global variable of that runspace rather than in a static:
/// jobs, runspace pools and ForEach-Object -Parallel start unconnected, and a pooled runspace that PowerShell
/// resets for reuse (ResetRunspaceState clears the variables) forgets the connection too.</summary>
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

    public static void Replace(SessionState state, ConnectionSettings settings) => state.PSVariable.Set(VariableName, new Holder(settings));

    public static void Reset(SessionState state) => state.PSVariable.Remove(VariableName);

    /// <summary>Opaque in the variable table: shows no settings and, having no public members, exports none.</summary>
    private sealed class Holder
    {
        public Holder(ConnectionSettings settings) => Settings = settings;

        internal ConnectionSettings Settings { get; }

        public override string ToString() => "AgentTasks connection (see Get-CopilotAgentConnection)";
    }
}
