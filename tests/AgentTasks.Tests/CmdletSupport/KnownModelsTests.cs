using AgentTasks.Core.CmdletSupport;

namespace AgentTasks.Tests.CmdletSupport;

/// <summary>The models -Model completes.</summary>
public class KnownModelsTests
{
    [Fact]
    public void KnownModelsAreTheDocumentedOnes()
    {
        Assert.Contains("claude-sonnet-4.6", KnownModels.All);
        Assert.Contains("gpt-5.3-codex", KnownModels.All);
        Assert.Equal(KnownModels.All.Count, KnownModels.All.Distinct().Count());
    }
}
