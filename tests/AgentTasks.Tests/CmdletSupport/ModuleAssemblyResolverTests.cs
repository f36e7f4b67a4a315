using System.Reflection;
using System.Reflection.Emit;
using AgentTasks.Core.CmdletSupport;

namespace AgentTasks.Tests.CmdletSupport;

/// <summary>What the Windows PowerShell 5.1 AssemblyResolve handler answers. The test's own output folder stands in
/// for the module folder: it holds AgentTasks.Core.dll (a requester from inside) and a signed dependency,
/// System.Reflection.MetadataLoadContext.dll (the shipped dll asked for).</summary>
public class ModuleAssemblyResolverTests
{
    private static readonly string Folder = AppContext.BaseDirectory;
    private static readonly string ShippedPath = Path.Combine(Folder, "System.Reflection.MetadataLoadContext.dll");
    private static readonly AssemblyName Shipped = AssemblyName.GetAssemblyName(ShippedPath);
    private static readonly Assembly FromModule = typeof(ModuleAssemblyResolver).Assembly;

    private readonly ModuleAssemblyResolver resolver = new(Folder);

    [Fact]
    public void AnswersAShippedDllAtItsOwnOrALowerVersion()
    {
        Assert.Equal(ShippedPath, resolver.Find(Request(Shipped.Version!), FromModule));
        Assert.Equal(ShippedPath, resolver.Find(Request(new Version(4, 0, 0, 0)), FromModule));
        // .NET Framework often does not say who asked; the name alone must then be the module's.
        Assert.Equal(ShippedPath, resolver.Find(Request(new Version(4, 0, 0, 0)), requester: null));
    }

    [Fact]
    public void RefusesAHigherVersionThanShipped()
    {
        var higher = new Version(Shipped.Version!.Major, Shipped.Version.Minor, Shipped.Version.Build, Shipped.Version.Revision + 1);
        Assert.Null(resolver.Find(Request(higher), FromModule));
        Assert.Null(resolver.Find(Request(new Version(Shipped.Version.Major + 1, 0, 0, 0)), FromModule));
    }

    [Fact]
    public void RefusesANameThatIsNotShipped()
    {
        Assert.Null(resolver.Find(new AssemblyName("Not.Shipped.Anywhere, Version=1.0.0.0"), FromModule));
        // A satellite assembly of a shipped dll is a name of its own.
        Assert.Null(resolver.Find(new AssemblyName(Shipped.Name + ".resources, Culture=de"), FromModule));
    }

    [Fact]
    public void RefusesTheSameNameFromAnotherSigner()
    {
        var other = Request(Shipped.Version!);
        other.SetPublicKeyToken(Convert.FromHexString("b77a5c561934e089"));
        Assert.Null(resolver.Find(other, FromModule));
        var unsigned = Request(Shipped.Version!);
        unsigned.SetPublicKeyToken(Array.Empty<byte>());
        Assert.Null(resolver.Find(unsigned, FromModule));
    }

    [Fact]
    public void RefusesARequestFromAnAssemblyOutsideTheModuleFolder()
    {
        Assert.Null(resolver.Find(Request(Shipped.Version!), typeof(object).Assembly));
        var dynamic = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("PowerShellClass"), AssemblyBuilderAccess.Run);
        Assert.Null(resolver.Find(Request(Shipped.Version!), dynamic));
    }

    /// <summary>The shipped dll's name and public key token at <paramref name="version"/>.</summary>
    private static AssemblyName Request(Version version)
    {
        var request = new AssemblyName(Shipped.Name!) { Version = version };
        request.SetPublicKeyToken(Shipped.GetPublicKeyToken());
        return request;
    }
}
