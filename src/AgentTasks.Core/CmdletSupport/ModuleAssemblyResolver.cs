using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace AgentTasks.Core.CmdletSupport;

/// <summary>The module's AssemblyResolve decision on Windows PowerShell 5.1, which has no binding redirects for a
/// module: System.Memory asks for System.Buffers 4.0.2.0 and the module ships 4.0.3.0. It answers only for the
/// dlls shipped in the module folder, asked for by their name and public key token at a version the shipped copy
/// satisfies (the same or lower), and only when the request comes from an assembly loaded from that folder (or from
/// an unknown requester, which .NET Framework often reports). Anything else in the process is left alone, for the
/// runtime or another handler. Uses nothing but the framework: it must load before the dlls it resolves.</summary>
internal sealed class ModuleAssemblyResolver
{
    private readonly string folder;
    private readonly Dictionary<string, (AssemblyName Identity, string Path)> shipped = new(StringComparer.OrdinalIgnoreCase);

    public ModuleAssemblyResolver(string moduleFolder)
    {
        folder = Normalize(moduleFolder);
        foreach (var path in Directory.GetFiles(folder, "*.dll"))
        {
            AssemblyName identity;
            try
            {
                identity = AssemblyName.GetAssemblyName(path);
            }
            catch (BadImageFormatException)
            {
                continue;
            }
            if (identity.Name is not null)
            {
                shipped[identity.Name] = (identity, path);
            }
        }
    }

    /// <summary>The path of the shipped dll to load for <paramref name="requested"/>, or null to refuse.
    /// <paramref name="requester"/> is the assembly whose reference failed to bind, null when unknown.</summary>
    public string? Find(AssemblyName requested, Assembly? requester)
    {
        if (requested.Name is null || !shipped.TryGetValue(requested.Name, out var candidate))
        {
            return null;
        }

        if (requester is not null && !IsShipped(requester))
        {
            return null;
        }

        var token = requested.GetPublicKeyToken();
        // Enumerable's SequenceEqual, not the span overload C# 14 prefers: that one is in System.Memory, a dll this resolves.
        var sameSigner = token is null || Enumerable.SequenceEqual(token, candidate.Identity.GetPublicKeyToken() ?? Array.Empty<byte>());
        var newEnough = requested.Version is null || (candidate.Identity.Version is { } version && version >= requested.Version);
        return sameSigner && newEnough ? candidate.Path : null;
    }

    // A dynamic assembly (a PowerShell class, say) has no folder; on .NET Framework its Location even throws.
    private bool IsShipped(Assembly assembly) =>
        !assembly.IsDynamic && assembly.Location.Length > 0
        && string.Equals(Normalize(Path.GetDirectoryName(assembly.Location)!), folder, StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string directory) =>
        Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
}
