using System;
using System.IO;
using System.Reflection;

namespace AgentTasks.Core;

/// <summary>Windows PowerShell 5.1 has no binding redirects for a module's dependencies, so a request for, say,
/// System.Memory 4.0.1.1 fails when the module ships 4.0.1.2. This finds the copy shipped beside the module
/// when it is the same assembly at the same or a higher version; anything else is left to the runtime.</summary>
public static class ModuleAssemblyResolver
{
    public static string? Find(AssemblyName requested, string moduleFolder)
    {
        if (requested?.Name is null || requested.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) return null;
        var candidate = Path.Combine(moduleFolder, requested.Name + ".dll");
        if (!File.Exists(candidate)) return null;
        AssemblyName shipped;
        try
        {
            shipped = AssemblyName.GetAssemblyName(candidate);
        }
        catch (BadImageFormatException)
        {
            return null;
        }
        var sameName = string.Equals(shipped.Name, requested.Name, StringComparison.OrdinalIgnoreCase);
        var newEnough = requested.Version is null || (shipped.Version is not null && shipped.Version >= requested.Version);
        return sameName && newEnough ? candidate : null;
    }
}
