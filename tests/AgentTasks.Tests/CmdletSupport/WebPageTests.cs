using AgentTasks.Core.CmdletSupport;

namespace AgentTasks.Tests.CmdletSupport;

/// <summary>Which addresses Show-CopilotTask may hand to the system's opener.</summary>
public class WebPageTests
{
    [Theory]
    [InlineData("https://github.com/octocat/hello-world/copilot/tasks/t1")]
    [InlineData("http://127.0.0.1:5099/octocat/hello-world/copilot/tasks/t1")]
    [InlineData("https://github.example.com/o/r/copilot/tasks/t1")]
    public void AnHttpAddressIsAPage(string address) => Assert.Equal(address, WebPage.From(address)?.AbsoluteUri);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/bin/sh")]
    [InlineData("C:\\Windows\\System32\\calc.exe")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ms-settings:privacy")]
    [InlineData("o/r/copilot/tasks/t1")]
    [InlineData("https://github.com@example.com/copilot/tasks/t1")]
    [InlineData("https://user:secret@github.com/o/r")]
    public void NothingElseReachesTheOpener(string? address) => Assert.Null(WebPage.From(address));
}
