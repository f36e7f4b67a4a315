using AgentTasks.Core.CmdletSupport;
using AgentTasks.Core.Requests;

namespace AgentTasks.Tests.CmdletSupport;

/// <summary>What -WhatIf and -Confirm say about a start.</summary>
public class WhatIfTextTests
{
    [Fact]
    public void WhatIfShowsTheStartOfThePromptOnOneLine()
    {
        var prompt = "Fix the login button\non the homepage, then   add tests for every browser we support today and tomorrow";
        var preview = WhatIfText.PromptPreview(prompt);
        Assert.DoesNotContain("\n", preview);
        Assert.StartsWith("Fix the login button on the homepage, then add", preview);
        Assert.EndsWith("…", preview);
        Assert.True(preview.Length <= WhatIfText.PromptPreviewLength + 1);
        Assert.Equal("Short prompt", WhatIfText.PromptPreview("  Short prompt "));
        Assert.Contains("\"Short prompt\"", WhatIfText.StartTaskAction(new StartTaskRequest("Short prompt")));
    }

    [Fact]
    public void WhatIfNamesEveryChoiceOfTheStart()
    {
        var action = WhatIfText.StartTaskAction(new StartTaskRequest("Fix it")
        {
            Model = "gpt-5.4",
            BaseRef = "main",
            HeadRef = "fix-login",
            CustomAgent = "reviewer",
            CreatePullRequest = true,
        });
        Assert.Equal("Start a Copilot task with prompt \"Fix it\", model gpt-5.4, base ref main, head ref fix-login, custom agent reviewer, opening a pull request", action);
        Assert.Equal("Start a Copilot task with prompt \"Fix it\"", WhatIfText.StartTaskAction(new StartTaskRequest("Fix it")));
    }
}
