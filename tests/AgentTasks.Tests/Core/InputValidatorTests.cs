using AgentTasks.Core.Requests;
using AgentTasks.Core;

namespace AgentTasks.Tests.Core;

public class InputValidatorTests
{
    [Theory]
    [InlineData("octocat/hello-world", "octocat", "hello-world")]
    [InlineData("Octo-Org/repo.with_dots-1", "Octo-Org", "repo.with_dots-1")]
    [InlineData(" octocat/Spoon-Knife ", "octocat", "Spoon-Knife")]
    [InlineData("acme_corp/x", "acme_corp", "x")]
    public void RepositoryNamesParse(string text, string owner, string repo)
    {
        var name = RepositoryName.Parse(text);
        Assert.Equal(owner, name.Owner);
        Assert.Equal(repo, name.Repo);
        Assert.Equal($"{owner}/{repo}", name.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("octocat")]
    [InlineData("octocat/")]
    [InlineData("/repo")]
    [InlineData("a/b/c")]
    [InlineData("octo cat/repo")]
    [InlineData("-octocat/repo")]
    [InlineData("octocat/..")]
    [InlineData("octocat/re%2fpo")]
    [InlineData("octocat/re?po")]
    public void MalformedRepositoriesAreRefusedWithTheExpectedForm(string text)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => RepositoryName.Parse(text));
        Assert.Matches("owner|repository", error.Message);
    }

    [Fact]
    public void RepositoryNamesCompareWithoutCase() =>
        Assert.Equal(RepositoryName.Parse("OctoCat/Hello"), RepositoryName.Parse("octocat/hello"));

    [Theory]
    [InlineData("a1b2c3d4-e5f6-7890-abcd-ef1234567890")]
    [InlineData("task_123")]
    [InlineData("x.y")]
    public void TaskIdsAccepted(string id) => Assert.Equal(id, InputValidator.TaskId(id));

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("a..b")]
    [InlineData("a b")]
    [InlineData("a\tb")]
    [InlineData("a\u0001b")]
    [InlineData("a\\b")]
    public void TaskIdsRefused(string id) => Assert.Throws<ArgumentException>(() => InputValidator.TaskId(id));

    [Fact]
    public void NullTaskIdRefused() => Assert.Throws<ArgumentException>(() => InputValidator.TaskId(null));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t")]
    public void EmptyPromptRefused(string? prompt)
    {
        var error = Assert.Throws<ArgumentException>(() => InputValidator.Prompt(prompt));
        Assert.Contains("prompt", error.Message);
    }

    [Fact]
    public void ATaskIdGivenAsRepositoryPointsToId()
    {
        Assert.Contains("-Id", Assert.Throws<ArgumentException>(() => RepositoryName.Parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890")).Message);
        Assert.DoesNotContain("-Id", Assert.Throws<ArgumentException>(() => RepositoryName.Parse("octocat")).Message);
    }

    [Theory]
    [InlineData("octo/repo", null, null, "octo/repo")]
    [InlineData(null, "octo", "repo", "octo/repo")]
    [InlineData(null, null, null, "fall/back")]
    [InlineData(null, "", "", "fall/back")]
    public void TheRepositoryOfACallIsTheFirstOneGiven(string? repository, string? owner, string? repo, string expected) =>
        Assert.Equal(expected, RepositoryName.FromParameters(repository is null ? null : RepositoryName.Parse(repository), owner, repo, RepositoryName.Parse("fall/back"))!.ToString());

    [Fact]
    public void OwnerWithoutRepoIsRefusedRatherThanFallingBack()
    {
        Assert.Throws<ArgumentException>(() => RepositoryName.FromParameters(null, "octo", null, RepositoryName.Parse("fall/back")));
        Assert.Null(RepositoryName.FromParameters(null, null, null, null));
    }

    [Fact]
    public void AStartRequestIsCheckedAsTheApiWould()
    {
        new StartTaskRequest("p") { BaseRef = "main", HeadRef = "feature" }.Validate();
        new StartTaskRequest("p") { HeadRef = "" }.Validate();
        Assert.Contains("base ref", Assert.Throws<ArgumentException>(() => new StartTaskRequest("p") { HeadRef = "feature", BaseRef = "" }.Validate()).Message);
        Assert.Throws<ArgumentException>(() => new StartTaskRequest(" ").Validate());
    }
}
