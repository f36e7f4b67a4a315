using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace AgentTasks.Tests.Module;

/// <summary>The module as `dotnet build` lays it out in out/AgentTasks, read without running it: PowerShell is not
/// here and the reference System.Management.Automation.dll cannot execute, so the assemblies are opened in a
/// <see cref="MetadataLoadContext"/> over the runtime's dlls, PowerShellStandard's reference assembly and the
/// module's own dlls. One instance serves every test (it is never unloaded: the process ends with the run).</summary>
public sealed class BuiltModule
{
    public const string MamlNs = "http://schemas.microsoft.com/maml/2004/10";
    public const string CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public const string DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";

    private const string Sma = "System.Management.Automation";
    private static readonly Lazy<BuiltModule> Shared = new(() => new BuiltModule());

    private BuiltModule()
    {
        RepositoryRoot = FindRepositoryRoot();
        Folder = Path.Combine(RepositoryRoot, "out", "AgentTasks");
        if (!File.Exists(Path.Combine(Folder, "AgentTasks.dll")))
        {
            throw new InvalidOperationException($"{Folder} holds no AgentTasks.dll: `dotnet build AgentTasks.sln` lays the module out there.");
        }

        SmaReferencePath = Path.Combine(PowerShellStandardDirectory(), "lib", "netstandard2.0", Sma + ".dll");
        if (!File.Exists(SmaReferencePath))
        {
            throw new InvalidOperationException($"No reference assembly at {SmaReferencePath}.");
        }

        // One file per assembly name, or the resolver would load two assemblies of the same name. The reference
        // S.M.A comes first (it must never be shadowed), then the module's own assemblies, then the runtime, then
        // the module's dependency dlls the runtime does not have.
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<string> files)
        {
            foreach (var file in files)
            {
                paths.TryAdd(Path.GetFileNameWithoutExtension(file), file);
            }
        }
        Add(new[] { SmaReferencePath, Path.Combine(Folder, "AgentTasks.dll"), Path.Combine(Folder, "AgentTasks.Core.dll") });
        Add(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));
        Add(Directory.GetFiles(Folder, "*.dll"));

        Context = new MetadataLoadContext(new PathAssemblyResolver(paths.Values), typeof(object).Assembly.GetName().Name);
        Smaref = Context.LoadFromAssemblyPath(SmaReferencePath);
        Cmdlets = Context.LoadFromAssemblyPath(Path.Combine(Folder, "AgentTasks.dll"));
        Core = Context.LoadFromAssemblyPath(Path.Combine(Folder, "AgentTasks.Core.dll"));
    }

    public static BuiltModule Instance => Shared.Value;

    /// <summary>The folder holding AgentTasks.sln.</summary>
    public string RepositoryRoot { get; }

    /// <summary>out/AgentTasks.</summary>
    public string Folder { get; }

    public string SmaReferencePath { get; }

    public MetadataLoadContext Context { get; }

    /// <summary>PowerShellStandard's reference System.Management.Automation, as loaded in <see cref="Context"/>.</summary>
    public Assembly Smaref { get; }

    /// <summary>out/AgentTasks/AgentTasks.dll: the cmdlets.</summary>
    public Assembly Cmdlets { get; }

    /// <summary>out/AgentTasks/AgentTasks.Core.dll.</summary>
    public Assembly Core { get; }

    public string PathOf(string relative) => Path.Combine(Folder, relative.Replace('/', Path.DirectorySeparatorChar).Replace('\\', Path.DirectorySeparatorChar));

    public Type SmaType(string name) =>
        Smaref.GetType($"{Sma}.{name}", throwOnError: false) ?? throw new InvalidOperationException($"{Sma}.{name} is not in the reference assembly.");

    /// <summary>The public, non-abstract types of AgentTasks.dll that derive from Cmdlet (PSCmdlet included).</summary>
    public IReadOnlyList<Type> CmdletTypes()
    {
        var cmdlet = SmaType("Cmdlet");
        return Cmdlets.GetTypes().Where(t => t.IsPublic && !t.IsAbstract && t.IsSubclassOf(cmdlet)).OrderBy(t => t.FullName).ToList();
    }

    public static CustomAttributeData? Attribute(MemberInfo member, string fullName) =>
        member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == fullName);

    public static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string fullName) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == fullName);

    public static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

    /// <summary>"Verb-Noun" from a cmdlet class's CmdletAttribute; null when it has none.</summary>
    public static string? CommandName(Type cmdlet) =>
        Attribute(cmdlet, $"{Sma}.CmdletAttribute") is { } a ? $"{a.ConstructorArguments[0].Value}-{a.ConstructorArguments[1].Value}" : null;

    /// <summary>The parameters PowerShell gives a cmdlet class, common parameters aside: public properties with a
    /// ParameterAttribute (inherited ones too), WhatIf/Confirm with SupportsShouldProcess, First/Skip/
    /// IncludeTotalCount with SupportsPaging.</summary>
    public static ISet<string> ParametersOf(Type cmdlet)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (Attribute(property, $"{Sma}.ParameterAttribute") is not null)
            {
                names.Add(property.Name);
            }
        }

        var cmdletAttribute = Attribute(cmdlet, $"{Sma}.CmdletAttribute");
        if (cmdletAttribute is not null && Named(cmdletAttribute, "SupportsShouldProcess") is true)
        {
            names.UnionWith(new[] { "WhatIf", "Confirm" });
        }

        if (cmdletAttribute is not null && Named(cmdletAttribute, "SupportsPaging") is true)
        {
            names.UnionWith(new[] { "First", "Skip", "IncludeTotalCount" });
        }

        return names;
    }

    /// <summary>The parameters every cmdlet has; help may document them but need not.</summary>
    public static readonly IReadOnlySet<string> CommonParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    };

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentTasks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AgentTasks.sln above {AppContext.BaseDirectory}.");
    }

    private static string PowerShellStandardDirectory()
    {
        var dir = typeof(BuiltModule).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PowerShellStandardDir")?.Value;
        if (string.IsNullOrEmpty(dir))
        {
            throw new InvalidOperationException("The test assembly has no PowerShellStandardDir metadata: see AgentTasks.Tests.csproj.");
        }

        return dir;
    }
}

/// <summary>Reads the few things the tests need from a module manifest (.psd1, a PowerShell hashtable literal) with
/// regular expressions: <c>Key = 'value'</c> and <c>Key = @( 'a' 'b' )</c> or <c>@('a', 'b')</c>, at any depth
/// (Tags and Prerelease sit in PrivateData.PSData). Each key must occur once.</summary>
public sealed class ManifestReader
{
    private static readonly Regex Quoted = new(@"'((?:[^']|'')*)'|""([^""]*)""");

    public ManifestReader(string text)
    {
        Text = text;
        // Comments go: a quoted value never holds '#' here, and a comment may hold anything.
        Code = Regex.Replace(text, @"(?m)#.*$", "");
    }

    public string Text { get; }

    private string Code { get; }

    public static ManifestReader Load(string path) => new(File.ReadAllText(path));

    public bool Has(string key) => Regex.IsMatch(Code, $@"(?m)^\s*{Regex.Escape(key)}\s*=");

    /// <summary>The text after <c>Key =</c> up to the end of its value.</summary>
    private string Raw(string key)
    {
        var matches = Regex.Matches(Code, $@"(?m)^\s*{Regex.Escape(key)}\s*=\s*(?<value>@\([^)]*\)|'(?:[^']|'')*'|""[^""]*""|@\{{|\S+)");
        Assert.True(matches.Count == 1, $"The manifest sets {key} {matches.Count} times, not once.");
        return matches[0].Groups["value"].Value;
    }

    public string String(string key)
    {
        var raw = Raw(key);
        Assert.True(raw.StartsWith('\'') || raw.StartsWith('"'), $"{key} is not a quoted string: {raw}");
        return Unquote(Quoted.Match(raw));
    }

    public IReadOnlyList<string> Array(string key)
    {
        var raw = Raw(key);
        Assert.True(raw.StartsWith("@("), $"{key} is not an array @( ... ): {raw}");
        var inside = raw[2..^1];
        var values = Quoted.Matches(inside).Select(Unquote).ToList();
        // Anything left besides the quoted names, separators and blanks is something this reader does not understand.
        var rest = Quoted.Replace(inside, "").Replace(",", "").Trim();
        Assert.True(rest.Length == 0, $"{key} holds something besides quoted strings: {rest}");
        return values;
    }

    private static string Unquote(Match m) => m.Groups[1].Success ? m.Groups[1].Value.Replace("''", "'") : m.Groups[2].Value;
}
