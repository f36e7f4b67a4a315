using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>One connection per runspace, not per process: ForEach-Object -Parallel, runspace pools and jobs each
/// start unconnected instead of sharing a token by accident. Forgotten with the runspace.</summary>
internal static class ConnectionStore
{
    private static readonly ConditionalWeakTable<Runspace, ConnectionSettings> Connections = new();

    /// <summary>The connection of the runspace running the current pipeline.</summary>
    public static ConnectionSettings Current => Connections.GetValue(Runspace.DefaultRunspace, _ => new ConnectionSettings());

    public static void Replace(ConnectionSettings settings)
    {
        Connections.Remove(Runspace.DefaultRunspace);
        Connections.Add(Runspace.DefaultRunspace, settings);
    }

    public static void Reset() => Connections.Remove(Runspace.DefaultRunspace);
}
