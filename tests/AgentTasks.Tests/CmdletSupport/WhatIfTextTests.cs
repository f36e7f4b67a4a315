using AgentTasks.Core.CmdletSupport;

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
        Assert.Contains("\"Short prompt\"", WhatIfText.StartTaskAction("Short prompt"));
    }
}
