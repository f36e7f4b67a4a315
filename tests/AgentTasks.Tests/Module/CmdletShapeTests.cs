using System.Reflection;

namespace AgentTasks.Tests.Module;

/// <summary>The cmdlet classes in the built AgentTasks.dll, read from metadata: approved verbs and declared output types.</summary>
public class CmdletShapeTests
{
    private static readonly string[] VerbClasses =
    {
        "VerbsCommon", "VerbsCommunications", "VerbsData", "VerbsDiagnostic", "VerbsLifecycle", "VerbsOther", "VerbsSecurity",
    };

    private readonly BuiltModule module = BuiltModule.Instance;

    public static TheoryData<string> CmdletClasses()
    {
        var data = new TheoryData<string>();
        foreach (var type in BuiltModule.Instance.CmdletTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    /// <summary>The approved verbs, as the reference assembly declares them (public const string fields).</summary>
    internal static ISet<string> ApprovedVerbs(BuiltModule module)
    {
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in VerbClasses)
        {
            var fields = module.SmaType(name).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType.FullName == "System.String").ToList();
            Assert.NotEmpty(fields);
            foreach (var field in fields)
            {
                verbs.Add((string)field.GetRawConstantValue()!);
            }
        }
        return verbs;
    }

    [Fact]
    public void TheModuleHasCmdlets()
    {
        Assert.NotEmpty(module.CmdletTypes());
    }

    [Fact]
    public void TheApprovedVerbsAreReadFromTheReferenceAssembly()
    {
        var verbs = ApprovedVerbs(module);
        Assert.Contains("Get", verbs);
        Assert.Contains("Connect", verbs);
        Assert.Contains("Wait", verbs);
        Assert.DoesNotContain("Fetch", verbs);
    }

    [Theory]
    [MemberData(nameof(CmdletClasses))]
    public void EachCmdletHasAnApprovedVerb(string className)
    {
        var type = module.Cmdlets.GetType(className, throwOnError: true)!;
        var cmdlet = BuiltModule.Attribute(type, "System.Management.Automation.CmdletAttribute");
        Assert.True(cmdlet is not null, $"{className} derives from Cmdlet but has no [Cmdlet] attribute.");
        var verb = (string)cmdlet!.ConstructorArguments[0].Value!;
        var noun = (string)cmdlet.ConstructorArguments[1].Value!;
        Assert.True(ApprovedVerbs(module).Contains(verb), $"{className}: '{verb}' is not an approved verb.");
        Assert.Matches("^[A-Z][A-Za-z]+$", noun);
    }

    [Theory]
    [MemberData(nameof(CmdletClasses))]
    public void EachCmdletDeclaresItsOutputType(string className)
    {
        var type = module.Cmdlets.GetType(className, throwOnError: true)!;
        var outputTypes = BuiltModule.Attributes(type, "System.Management.Automation.OutputTypeAttribute").ToList();
        Assert.True(outputTypes.Count > 0, $"{className} has no [OutputType] attribute.");
    }

    [Fact]
    public void CommandNamesAreUnique()
    {
        var names = module.CmdletTypes().Select(BuiltModule.CommandName).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
