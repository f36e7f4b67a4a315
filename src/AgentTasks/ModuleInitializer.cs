using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>On Windows PowerShell 5.1 (.NET Framework), resolves the dependency dlls shipped beside the module
/// (System.Text.Json and its family) when their exact versions are asked for and no binding redirect exists.
/// PowerShell 7 brings its own copies and needs nothing.</summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

    private static bool OnNetFramework =>
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    public void OnImport()
    {
        if (OnNetFramework) AppDomain.CurrentDomain.AssemblyResolve += Resolve;
    }

    public void OnRemove(PSModuleInfo module)
    {
        if (OnNetFramework) AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var path = ModuleAssemblyResolver.Find(new AssemblyName(args.Name), ModuleFolder);
        return path is null ? null : Assembly.LoadFrom(path);
    }
}
