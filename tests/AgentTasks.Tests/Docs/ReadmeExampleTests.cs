using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentTasks.Core;
using AgentTasks.Core.Models;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Docs;

/// <summary>README's "Using the core from C#" block runs here as written, against the emulator. The one change is the
/// address: README's <c>new Uri("http://127.0.0.1:5099")</c> is <c>Emulator.BaseUri</c> here (a fixed port could be
/// taken), and <see cref="TheExampleIsReadmesCodeAsWritten"/> fails when the two copies part.</summary>
public class ReadmeExampleTests : AgentTasks.Tests.Emulator.EmulatorTestBase
{
    private const string ReadmeAddress = "new Uri(\"http://127.0.0.1:5099\")";
    private const string TestAddress = "Emulator.BaseUri";

    public ReadmeExampleTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task TheExampleStartsATaskAndPrintsTheFailedOnes()
    {
        var failedIds = await Control.SeedAsync("octocat", "hello-world", 2, state: "failed");
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(printed);
        try
        {
            // using AgentTasks.Core; using AgentTasks.Core.Models; using AgentTasks.Core.Requests;
            var client = new CopilotTaskClient(new CopilotClientOptions
            {
                BaseUri = Emulator.BaseUri,   // omit for https://api.github.com (or GITHUB_API_URL)
                Token = new CopilotToken("test"),             // omit to use GH_TOKEN, then GITHUB_TOKEN
            });
            var repo = RepositoryName.Parse("octocat/hello-world");
            var task = await client.StartTaskAsync(repo, new StartTaskRequest("Fix the login button") { BaseRef = "main" });
            var failed = client.ListRepositoryTasks(repo, new RepositoryTaskQuery { States = new[] { CopilotTaskState.Failed } });
            for (var page = await failed.NextPageAsync(); page is not null; page = await failed.NextPageAsync())
            {
                foreach (var t in page)
                {
                    Console.WriteLine($"{t.Id} {t.State} {t.Name}");
                }
            }

            Assert.Equal(CopilotTaskState.Queued, task.State);
        }
        finally
        {
            Console.SetOut(console);
        }

        var start = (await Control.RequestsAsync()).Single(r => r.Method == "POST");
        Assert.Equal("/agents/repos/octocat/hello-world/tasks", start.Path);
        using (var body = JsonDocument.Parse(start.Body!))
        {
            Assert.Equal("main", body.RootElement.GetProperty("base_ref").GetString());
        }
        // Other tests may write to the console meanwhile, so each line is looked for rather than the whole text.
        var lines = printed.ToString().Split(Environment.NewLine);
        Assert.Contains($"{failedIds[0]} Failed Seeded task 1", lines);
        Assert.Contains($"{failedIds[1]} Failed Seeded task 2", lines);
    }

    [Fact]
    public void TheExampleIsReadmesCodeAsWritten()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf("```csharp\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no ```csharp block.");
        start += "```csharp\n".Length;
        var block = readme[start..readme.IndexOf("\n```", start, StringComparison.Ordinal)];
        Assert.Contains(ReadmeAddress, block);

        // The copy sits in the try block of the test above, twelve spaces in.
        var expected = string.Join("\n", block.Replace(ReadmeAddress, TestAddress).Split('\n').Select(line => line.Length == 0 ? line : new string(' ', 12) + line));
        var here = File.ReadAllText(ThisFile()).Replace("\r\n", "\n");
        Assert.True(here.Contains(expected, StringComparison.Ordinal),
            $"README.md's C# block (with {ReadmeAddress} as {TestAddress}) is not in {ThisFile()} as written: copy it into {nameof(TheExampleStartsATaskAndPrintsTheFailedOnes)} again.\n{block}");
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(ThisFile())!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentTasks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AgentTasks.sln above {ThisFile()}.");
    }
}
