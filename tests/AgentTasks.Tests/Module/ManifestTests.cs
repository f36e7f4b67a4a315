using System.Reflection;

namespace AgentTasks.Tests.Module;

/// <summary>The stamped manifest out/AgentTasks/AgentTasks.psd1 against the cmdlet classes and the assemblies.</summary>
public class ManifestTests
{
    private readonly BuiltModule module = BuiltModule.Instance;
    private readonly ManifestReader manifest = ManifestReader.Load(BuiltModule.Instance.PathOf("AgentTasks.psd1"));

    [Fact]
    public void CmdletsToExportAreExactlyTheCmdletClasses()
    {
        var exported = manifest.Array("CmdletsToExport");
        Assert.Equal(exported.Count, exported.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var classes = module.CmdletTypes().Select(t => BuiltModule.CommandName(t) ?? $"(no [Cmdlet] on {t.FullName})");
        Assert.Equal(classes.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("FunctionsToExport")]
    [InlineData("AliasesToExport")]
    [InlineData("VariablesToExport")]
    public void NothingButCmdletsIsExported(string key)
    {
        Assert.Empty(manifest.Array(key));
    }

    [Fact]
    public void NoPlaceholderIsLeft()
    {
        Assert.DoesNotContain("{{", manifest.Text);
        Assert.DoesNotContain("}}", manifest.Text);
    }

    [Fact]
    public void ModuleVersionAndPrereleaseAreTheAssemblies()
    {
        var (prefix, suffix) = VersionOf(module.Core);
        Assert.Equal(prefix, manifest.String("ModuleVersion"));
        Assert.Equal(suffix, manifest.String("Prerelease"));
        // The cmdlets carry the same version (one version number, in one file).
        Assert.Equal((prefix, suffix), VersionOf(module.Cmdlets));
    }

    [Fact]
    public void PrereleaseIsOnePowerShellGetAccepts()
    {
        // PowerShellGet takes letters and digits only (no dots or hyphens, unlike SemVer 2).
        Assert.Matches("^[A-Za-z0-9]*$", manifest.String("Prerelease"));
    }

    [Fact]
    public void BothEditionsFromWindowsPowerShell51()
    {
        Assert.Equal(new[] { "Core", "Desktop" }, manifest.Array("CompatiblePSEditions").Order(StringComparer.Ordinal));
        Assert.Equal("5.1", manifest.String("PowerShellVersion"));
    }

    [Fact]
    public void TagsNameTheEditionsAndPlatforms()
    {
        var tags = manifest.Array("Tags");
        foreach (var tag in new[] { "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS" })
        {
            Assert.Contains(tag, tags);
        }
    }

    [Fact]
    public void RootModuleIsTheCmdletAssembly()
    {
        Assert.Equal("AgentTasks.dll", manifest.String("RootModule"));
        Assert.True(File.Exists(module.PathOf("AgentTasks.dll")));
    }

    [Fact]
    public void FormatsToProcessNamesExistingFiles()
    {
        var formats = manifest.Array("FormatsToProcess");
        Assert.NotEmpty(formats);
        foreach (var file in formats)
        {
            Assert.True(File.Exists(module.PathOf(file)), $"FormatsToProcess names {file}, which is not in {module.Folder}.");
        }
    }

    /// <summary>major.minor.build from the AssemblyName, and the prerelease label from the informational version
    /// (e.g. 0.1.0-preview1+commit).</summary>
    private static (string Prefix, string Suffix) VersionOf(Assembly assembly)
    {
        var version = assembly.GetName().Version!;
        var prefix = $"{version.Major}.{version.Minor}.{version.Build}";
        var informational = assembly.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "System.Reflection.AssemblyInformationalVersionAttribute");
        Assert.NotNull(informational);
        var text = ((string)informational!.ConstructorArguments[0].Value!).Split('+')[0];
        var dash = text.IndexOf('-');
        Assert.Equal(prefix, dash < 0 ? text : text[..dash]);
        return (prefix, dash < 0 ? "" : text[(dash + 1)..]);
    }
}

/// <summary>What out/AgentTasks holds against the manifest's FileList.</summary>
public class ModuleFilesTests
{
    private readonly BuiltModule module = BuiltModule.Instance;
    private readonly ManifestReader manifest = ManifestReader.Load(BuiltModule.Instance.PathOf("AgentTasks.psd1"));

    [Fact]
    public void EveryFileInFileListIsShipped()
    {
        var missing = manifest.Array("FileList").Where(f => !File.Exists(module.PathOf(f))).ToList();
        Assert.True(missing.Count == 0, $"FileList names files that are not in {module.Folder}: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryShippedFileIsInFileList()
    {
        var listed = manifest.Array("FileList").Select(f => f.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var shipped = Directory.GetFiles(module.Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(module.Folder, f).Replace('\\', '/')).ToList();
        Assert.Contains(shipped, f => f.EndsWith(".dll", StringComparison.Ordinal));
        var unlisted = shipped.Where(d => !listed.Contains(d)).ToList();
        Assert.True(unlisted.Count == 0, $"Shipped but not in FileList: {string.Join(", ", unlisted)}");
    }

    [Fact]
    public void SystemManagementAutomationIsNotShipped()
    {
        // PowerShell brings its own; a copy in the module folder would shadow it (and the reference one cannot run).
        Assert.Empty(Directory.GetFiles(module.Folder, "System.Management.Automation.dll", SearchOption.AllDirectories));
        Assert.DoesNotContain(manifest.Array("FileList"), f => f.EndsWith("System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase));
    }
}
