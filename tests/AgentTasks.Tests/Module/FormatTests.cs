using System.Reflection;
using System.Xml.Linq;

namespace AgentTasks.Tests.Module;

/// <summary>AgentTasks.Format.ps1xml against the public types of the built assemblies.</summary>
public class FormatTests
{
    private const string FormatFile = "AgentTasks.Format.ps1xml";
    private readonly BuiltModule module = BuiltModule.Instance;

    private XDocument LoadFormat()
    {
        var path = module.PathOf(FormatFile);
        Assert.True(File.Exists(path), $"{FormatFile} is missing from {module.Folder} (module/{FormatFile} not written yet?).");
        return XDocument.Load(path); // throws on malformed XML
    }

    private static IEnumerable<XElement> Views(XDocument format) => format.Descendants().Where(e => e.Name.LocalName == "View");

    private static IEnumerable<XElement> Named(XElement scope, string localName) => scope.Descendants().Where(e => e.Name.LocalName == localName);

    private static List<string> TypeNames(XElement view) =>
        view.Elements().Where(e => e.Name.LocalName == "ViewSelectedBy").SelectMany(s => s.Elements().Where(e => e.Name.LocalName == "TypeName"))
            .Select(t => t.Value.Trim()).ToList();

    private static string ViewName(XElement view) => view.Elements().FirstOrDefault(e => e.Name.LocalName == "Name")?.Value ?? "(unnamed view)";

    private Type? PublicType(string name) =>
        new[] { module.Core, module.Cmdlets }.Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is { IsPublic: true });

    [Fact]
    public void IsWellFormedAndHasViews()
    {
        var format = LoadFormat();
        Assert.Equal("Configuration", format.Root!.Name.LocalName);
        Assert.NotEmpty(Views(format));
    }

    [Fact]
    public void EveryViewSelectsPublicTypesOfTheModule()
    {
        foreach (var view in Views(LoadFormat()))
        {
            var types = TypeNames(view);
            var viewName = ViewName(view);
            var selectionSets = Named(view, "SelectionSetName").Any();
            Assert.True(types.Count > 0 || selectionSets, $"View {viewName} selects no TypeName.");
            foreach (var name in types)
            {
                Assert.True(PublicType(name) is not null, $"View {viewName} selects {name}, which is no public type of AgentTasks.Core.dll or AgentTasks.dll.");
            }
        }
    }

    [Fact]
    public void EveryPropertyNameExistsOnTheSelectedTypes()
    {
        foreach (var view in Views(LoadFormat()))
        {
            var viewName = ViewName(view);
            foreach (var typeName in TypeNames(view))
            {
                var type = PublicType(typeName);
                if (type is null)
                {
                    continue; // reported by EveryViewSelectsPublicTypesOfTheModule
                }

                var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var unknown = Named(view, "PropertyName").Select(p => p.Value.Trim()).Where(p => !properties.Contains(p)).Distinct().ToList();
                Assert.True(unknown.Count == 0, $"View {viewName} names properties {typeName} lacks: {string.Join(", ", unknown)}");
            }
        }
    }

    [Fact]
    public void CopilotTaskHasATableWithIdAndState()
    {
        var task = module.Core.GetTypes().Single(t => t.IsPublic && t.Name == "CopilotTask");
        var tables = Views(LoadFormat())
            .Where(v => TypeNames(v).Contains(task.FullName!) && v.Elements().Any(e => e.Name.LocalName == "TableControl")).ToList();
        Assert.True(tables.Count > 0, $"{FormatFile} has no table view for {task.FullName}.");
        Assert.Contains(tables, table =>
        {
            var columns = Named(table, "TableColumnItem").SelectMany(c => c.Elements().Where(e => e.Name.LocalName == "PropertyName")).Select(p => p.Value.Trim())
                .Concat(Named(table, "TableColumnHeader").SelectMany(h => h.Elements().Where(e => e.Name.LocalName == "Label")).Select(l => l.Value.Trim()))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            return columns.Contains("Id") && columns.Contains("State");
        });
    }
}
