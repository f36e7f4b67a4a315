using System.Xml.Linq;

namespace AgentTasks.Tests.Module;

/// <summary>The MAML help (en-US/AgentTasks.dll-Help.xml) and the about topic against the cmdlet classes.</summary>
public class HelpTests
{
    private const string HelpFile = "en-US/AgentTasks.dll-Help.xml";
    private const string AboutFile = "en-US/about_AgentTasks.help.txt";
    private static readonly XNamespace Maml = BuiltModule.MamlNs;
    private static readonly XNamespace Command = BuiltModule.CommandNs;

    private readonly BuiltModule module = BuiltModule.Instance;

    public static TheoryData<string> CommandNames()
    {
        var data = new TheoryData<string>();
        foreach (var type in BuiltModule.Instance.CmdletTypes())
        {
            if (BuiltModule.CommandName(type) is { } name)
            {
                data.Add(name);
            }
        }

        return data;
    }

    private XDocument LoadHelp()
    {
        var path = module.PathOf(HelpFile);
        Assert.True(File.Exists(path), $"{HelpFile} is missing from {module.Folder} (module/{HelpFile} not written yet?).");
        return XDocument.Load(path);
    }

    private XElement CommandHelp(string name)
    {
        var commands = LoadHelp().Descendants(Command + "command")
            .Where(c => (string?)c.Element(Command + "details")?.Element(Command + "name") is { } n && n.Trim() == name).ToList();
        Assert.True(commands.Count == 1, $"{HelpFile} has {commands.Count} command:command for {name}, not one.");
        return commands[0];
    }

    private static string Paras(XElement? description) =>
        description is null ? "" : string.Join(" ", description.Elements(Maml + "para").Select(p => p.Value.Trim())).Trim();

    private Type CmdletClass(string name) => module.CmdletTypes().Single(t => BuiltModule.CommandName(t) == name);

    [Fact]
    public void EveryHelpCommandIsACmdlet()
    {
        var cmdlets = module.CmdletTypes().Select(BuiltModule.CommandName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var documented = LoadHelp().Descendants(Command + "command")
            .Select(c => ((string?)c.Element(Command + "details")?.Element(Command + "name"))?.Trim() ?? "(no command:name)").ToList();
        Assert.NotEmpty(documented);
        Assert.All(documented, name => Assert.True(cmdlets.Contains(name), $"{HelpFile} documents {name}, which is no cmdlet of the module."));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void EachCmdletHasSynopsisDescriptionAndExamples(string name)
    {
        var help = CommandHelp(name);
        Assert.True(Paras(help.Element(Command + "details")?.Element(Maml + "description")).Length > 0, $"{name} has no synopsis.");
        Assert.True(Paras(help.Element(Maml + "description")).Length > 0, $"{name} has no description.");
        var examples = help.Element(Command + "examples")?.Elements(Command + "example").Count() ?? 0;
        Assert.True(examples >= 2, $"{name} has {examples} examples, fewer than two.");
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void EachCmdletDocumentsExactlyItsParameters(string name)
    {
        var help = CommandHelp(name);
        var actual = BuiltModule.ParametersOf(CmdletClass(name));

        var documented = (help.Element(Command + "parameters")?.Elements(Command + "parameter") ?? Enumerable.Empty<XElement>())
            .Select(p => ((string?)p.Element(Maml + "name"))?.Trim() ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var undocumented = actual.Where(p => !documented.Contains(p)).Order().ToList();
        Assert.True(undocumented.Count == 0, $"{name}: parameters missing from command:parameters: {string.Join(", ", undocumented)}");

        // Anywhere in the command's help, the syntax blocks included.
        var named = help.Descendants(Command + "parameter").Select(p => ((string?)p.Element(Maml + "name"))?.Trim() ?? "(no maml:name)");
        var bogus = named.Where(p => !actual.Contains(p) && !BuiltModule.CommonParameters.Contains(p)).Distinct().Order().ToList();
        Assert.True(bogus.Count == 0, $"{name}: help documents parameters the cmdlet does not have: {string.Join(", ", bogus)}");
    }

    [Fact]
    public void AboutTopicStartsWithTopicAndFitsIn80Columns()
    {
        var path = module.PathOf(AboutFile);
        Assert.True(File.Exists(path), $"{AboutFile} is missing from {module.Folder} (module/{AboutFile} not written yet?).");
        var lines = File.ReadAllLines(path);
        Assert.NotEmpty(lines);
        Assert.Equal("TOPIC", lines[0].TrimStart('\uFEFF').TrimEnd());
        Assert.Contains("about_AgentTasks", lines.Skip(1).FirstOrDefault(l => l.Trim().Length > 0) ?? "");
        var tooLong = lines.Select((l, i) => (Line: i + 1, l.Length)).Where(l => l.Length > 80).ToList();
        Assert.True(tooLong.Count == 0, $"{AboutFile}: lines longer than 80 characters: {string.Join(", ", tooLong.Select(l => $"{l.Line} ({l.Length})"))}");
    }
}
