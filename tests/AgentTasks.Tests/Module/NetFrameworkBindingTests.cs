using System.Reflection;
using System.Xml.Linq;
using AgentTasks.Core.CmdletSupport;
using Xunit.Abstractions;

namespace AgentTasks.Tests.Module;

/// <summary>Windows PowerShell 5.1 cannot run here, so how it would bind the module is read from metadata. Every
/// assembly reference of every dll in out/AgentTasks must bind as .NET Framework 4.7.2 binds it, in its order: to the
/// framework, when its redist list (RedistList/FrameworkList.xml: what it installs in the GAC and unifies references
/// to) names the assembly from the same signer at the referenced version or higher; to PowerShell's
/// System.Management.Automation 3.0.0.0; to an exact copy beside the referrer, which LoadFrom probes; else to what
/// the module's AssemblyResolve handler answers, so its decision is asked. netstandard 2.0.0.0, referenced by every
/// netstandard2.0 dll, binds to the framework because the list names it: .NET Framework carries that facade itself
/// since 4.7.1 (on 4.6.1 the module would have to ship it), which is why 4.7.2 is the floor in DESIGN.md. The facade
/// holds no types, only forwarders, so the second test looks through it.</summary>
public sealed class NetFrameworkBindingTests : IDisposable
{
    private const string Sma = "System.Management.Automation";
    private static readonly string FrameworkDir = Path.Combine(PackageDirectory(), "build", ".NETFramework", "v4.7.2");

    private readonly ITestOutputHelper output;
    private readonly SortedDictionary<string, (string Path, AssemblyName Identity)> shipped = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AssemblyName> framework;
    private readonly AssemblyName powerShell;
    private readonly ModuleAssemblyResolver handler;
    private readonly MetadataLoadContext context;

    public NetFrameworkBindingTests(ITestOutputHelper output)
    {
        this.output = output;
        var module = BuiltModule.Instance;
        framework = XDocument.Load(Path.Combine(FrameworkDir, "RedistList", "FrameworkList.xml")).Root!.Elements("File")
            .Select(FrameworkEntry).ToDictionary(n => n.Name!, StringComparer.OrdinalIgnoreCase);
        powerShell = AssemblyName.GetAssemblyName(module.SmaReferencePath);
        handler = new ModuleAssemblyResolver(module.Folder);

        // One file per name, as the loader sees them; the framework's forwarders resolve through these.
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [Sma] = module.SmaReferencePath };
        foreach (var path in Directory.GetFiles(module.Folder, "*.dll"))
        {
            var identity = AssemblyName.GetAssemblyName(path);
            Assert.False(framework.ContainsKey(identity.Name!), $"{identity.Name} is shipped and in .NET Framework 4.7.2 too: references up to its version bind to the framework's copy.");
            shipped.Add(identity.Name!, (path, identity));
            files.Add(identity.Name!, path);
        }
        foreach (var name in framework.Keys)
        {
            if (FrameworkFile(name) is { } path)
            {
                files.Add(name, path);
            }
        }

        context = new MetadataLoadContext(new PathAssemblyResolver(files.Values), "mscorlib");
    }

    public void Dispose() => context.Dispose();

    [Fact]
    public void EveryAssemblyReferenceOfTheShippedDllsBinds()
    {
        var failures = new List<string>();
        var lines = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (name, (path, _)) in shipped)
        {
            var referrer = context.LoadFromAssemblyPath(path);
            foreach (var reference in referrer.GetReferencedAssemblies())
            {
                var binding = Bind(reference, referrer);
                var line = $"{reference.Name} {reference.Version}: {binding.Text}";
                if (binding.By == Found.Nowhere)
                {
                    failures.Add($"{name} -> {line}");
                }

                if (!lines.TryGetValue(line, out var referrers))
                {
                    lines[line] = referrers = new SortedSet<string>(StringComparer.Ordinal);
                }

                referrers.Add(name);
            }
        }
        foreach (var (line, referrers) in lines)
        {
            output.WriteLine($"{line}   <- {string.Join(", ", referrers)}");
        }

        Assert.True(failures.Count == 0, "On Windows PowerShell 5.1 these would not load:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void EveryTypeTheShippedDllsNameIsWhereItsReferenceBinds()
    {
        var failures = new List<string>();
        var definedIn = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, (path, _)) in shipped)
        {
            var referrer = context.LoadFromAssemblyPath(path);
            foreach (var named in CodeReferences.TypeReferences(path))
            {
                var reference = new AssemblyName(named.Assembly);
                var binding = Bind(reference, referrer);
                if (binding.By == Found.Nowhere)
                {
                    continue; // The first test names it.
                }

                if (binding.Path is null)
                {
                    failures.Add($"{name}: {named.Type} from {reference.Name} cannot be checked: the framework lists the assembly but has no reference assembly of it");
                    continue;
                }
                // GetType follows type forwarders, netstandard's into mscorlib, System, System.Net.Http and the rest.
                var type = context.LoadFromAssemblyPath(binding.Path).GetType(named.Type);
                if (type is null)
                {
                    failures.Add($"{name}: {named.Type} is neither defined by {reference.Name} as bound ({binding.Text}) nor forwarded to an assembly that is there");
                }
                else
                {
                    var key = $"{reference.Name} -> {type.Assembly.GetName().Name}";
                    definedIn[key] = definedIn.GetValueOrDefault(key) + 1;
                }
            }
        }
        foreach (var (key, count) in definedIn)
        {
            output.WriteLine($"{key}: {count} types");
        }

        Assert.True(failures.Count == 0, "On Windows PowerShell 5.1 these types would not load:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void TheHandlerNeedsNothingItHandsOut()
    {
        // The handler's code runs while a bind is failing, so what it names must bind without it: the framework,
        // PowerShell, and of the module only the handler itself. Not a shipped dependency, even one whose exact copy
        // lies beside: it, or what it references, may ask the handler again before the handler has answered.
        var handlerCode = new[] { (File: "AgentTasks.dll", Type: "AgentTasks.ModuleInitializer"), (File: "AgentTasks.Core.dll", Type: "AgentTasks.Core.CmdletSupport.ModuleAssemblyResolver") };
        bool IsHandler(string type) => handlerCode.Any(h => type == h.Type || type.StartsWith(h.Type + "+", StringComparison.Ordinal));
        var failures = new List<string>();
        foreach (var (file, typeName) in handlerCode)
        {
            var referrer = context.LoadFromAssemblyPath(BuiltModule.Instance.PathOf(file));
            foreach (var assembly in CodeReferences.Of(referrer.Location, typeName).GroupBy(n => n.Assembly).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var binding = Bind(new AssemblyName(assembly.Key), referrer, withHandler: false);
                var types = assembly.Select(n => n.Type).Order(StringComparer.Ordinal).ToList();
                var line = $"{typeName} names {string.Join(", ", types)} from {assembly.Key}: {binding.Text}";
                output.WriteLine(line);
                if (!(binding.By is Found.Framework or Found.PowerShell || (binding.By == Found.Beside && types.All(IsHandler))))
                {
                    failures.Add(line);
                }
            }
        }
        Assert.True(failures.Count == 0, "The handler would need the handler:\n" + string.Join("\n", failures));
    }

    /// <summary>Where .NET Framework 4.7.2 in Windows PowerShell 5.1 finds <paramref name="reference"/> of
    /// <paramref name="referrer"/>, and a line saying where and why.</summary>
    private Binding Bind(AssemblyName reference, Assembly referrer, bool withHandler = true)
    {
        var name = reference.Name!;
        if (framework.TryGetValue(name, out var inBox) && Satisfies(inBox, reference))
        {
            var file = FrameworkFile(name);
            return new(Found.Framework, file, $"framework {inBox.Version} ({(file is null ? "no reference assembly" : Path.GetRelativePath(FrameworkDir, file))})");
        }
        if (name == Sma && Satisfies(powerShell, reference))
        {
            return new(Found.PowerShell, BuiltModule.Instance.SmaReferencePath, $"Windows PowerShell {powerShell.Version}");
        }

        var inModule = shipped.TryGetValue(name, out var copy);
        // PowerShell imports the module with LoadFrom, whose probing looks in the referrer's folder: an exact copy is found there.
        if (inModule && Path.GetDirectoryName(referrer.Location) == Path.GetDirectoryName(copy.Path)
            && Satisfies(copy.Identity, reference) && copy.Identity.Version == reference.Version)
        {
            return new(Found.Beside, copy.Path, $"module {copy.Identity.Version}, beside its referrer");
        }

        if (withHandler && handler.Find(reference, referrer) is { } path)
        {
            return new(Found.Handler, path, $"module {shipped[name].Identity.Version}, by the handler");
        }

        return new(Found.Nowhere, null, $"UNBOUND: framework has {inBox?.Version?.ToString() ?? "none"}, module ships " +
            $"{(inModule ? copy.Identity.Version?.ToString() : "none")}, {(withHandler ? "the handler refuses" : "the handler may not be asked")}");
    }

    private enum Found { Framework, PowerShell, Beside, Handler, Nowhere }

    private readonly record struct Binding(Found By, string? Path, string Text);

    private static bool Satisfies(AssemblyName available, AssemblyName reference) =>
        available.GetPublicKeyToken().AsSpan().SequenceEqual(reference.GetPublicKeyToken()) && available.Version >= reference.Version;

    private static AssemblyName FrameworkEntry(XElement file)
    {
        var name = new AssemblyName((string)file.Attribute("AssemblyName")!) { Version = new Version((string)file.Attribute("Version")!) };
        name.SetPublicKeyToken(Convert.FromHexString((string)file.Attribute("PublicKeyToken")!));
        return name;
    }

    /// <summary>The reference assembly of a framework assembly: beside the others or, for a facade, in Facades/.
    /// A few listed assemblies come without one.</summary>
    private static string? FrameworkFile(string name) =>
        new[] { Path.Combine(FrameworkDir, name + ".dll"), Path.Combine(FrameworkDir, "Facades", name + ".dll") }.FirstOrDefault(File.Exists);

    private static string PackageDirectory()
    {
        var dir = typeof(NetFrameworkBindingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NetFramework472Dir")?.Value;
        if (string.IsNullOrEmpty(dir))
        {
            throw new InvalidOperationException("The test assembly has no NetFramework472Dir metadata: see AgentTasks.Tests.csproj.");
        }

        return dir;
    }
}
