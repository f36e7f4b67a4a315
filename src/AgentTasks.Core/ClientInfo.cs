using System.Reflection;

namespace AgentTasks.Core;

/// <summary>The module's version, as the build stamps it from Directory.Build.props.</summary>
internal static class ClientInfo
{
    public static string Version { get; } = ReadVersion();

    /// <summary>GitHub rejects requests without a User-Agent; ours names the module and its version.</summary>
    public static string UserAgent { get; } = "AgentTasks-PowerShell/" + Version;

    private static string ReadVersion()
    {
        var informational = typeof(ClientInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        // The SDK appends "+<commit>"; the version alone is enough here.
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
