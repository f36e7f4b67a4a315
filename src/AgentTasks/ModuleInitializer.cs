using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using AgentTasks.Core.CmdletSupport;

namespace AgentTasks;

/// <summary>On Windows PowerShell 5.1 (.NET Framework), resolves the dependency dlls shipped beside the module
/// (System.Text.Json and its family) where their references ask for other versions than shipped and no binding
/// redirect exists; <see cref="ModuleAssemblyResolver"/> decides what it answers. PowerShell 7 brings its own
/// copies and needs nothing.</summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    // Read on the first failed bind, so PowerShell 7 never lists the folder.
    private static readonly Lazy<ModuleAssemblyResolver> Resolver =
        new(() => new ModuleAssemblyResolver(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!));

    private static bool OnNetFramework =>
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    public void OnImport()
    {
        if (OnNetFramework)
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (OnNetFramework)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        }
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var path = Resolver.Value.Find(new AssemblyName(args.Name), args.RequestingAssembly);
        return path is null ? null : Assembly.LoadFrom(path);
    }
}
