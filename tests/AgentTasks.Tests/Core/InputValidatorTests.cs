using AgentTasks.Core;
using AgentTasks.Core.Requests;

namespace AgentTasks.Tests.Core;

public class InputValidatorTests
{
    [Theory]
    [InlineData("octocat/hello-world", "octocat", "hello-world")]
    [InlineData("Octo-Org/repo.with_dots-1", "Octo-Org", "repo.with_dots-1")]
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
    // White space around the name is refused, not trimmed: a trailing line break is a mistake to show.
    [InlineData(" octocat/Spoon-Knife ")]
    [InlineData("octocat/Spoon-Knife\n")]
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

    // A trailing newline passed the old checks ($ matches before a final \n); dot segments, percent escapes, query and
    // fragment marks and non-ASCII look-alikes change which URL is asked for, or make one the server cannot have.
    [Theory]
    [InlineData(".")]
    [InlineData("abc\n")]
    [InlineData("%2e%2e")]
    [InlineData("a%2fb")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("\uFF0E\uFF0E")]
    [InlineData("\u2024\u2024")]
    [InlineData("a\u200Bb")]
    [InlineData("a\u00A0b")]
    [InlineData("t\u00F6k")]
    [InlineData("\u001B[2J")]
    [InlineData("@{Id=12}")]
    [InlineData("a+b")]
    [InlineData("a:b")]
    [InlineData("a;b")]
    [InlineData("a~b")]
    public void HostileTaskIdsRefused(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => InputValidator.TaskId(id));
        Assert.Contains("task id", error.Message);
        Assert.DoesNotContain(error.Message, c => char.IsControl(c));
    }

    [Theory]
    [InlineData("octocat\n")]
    [InlineData("\uFF4F\uFF43\uFF54\uFF4F")]
    [InlineData("octo\u200Bcat")]
    [InlineData("octo.cat")]
    [InlineData("")]
    [InlineData(" ")]
    public void HostileOwnersRefused(string owner)
    {
        var error = Assert.Throws<ArgumentException>(() => new RepositoryName(owner, "hello-world"));
        Assert.DoesNotContain(error.Message, c => char.IsControl(c));
        Assert.Throws<ArgumentException>(() => RepositoryName.FromParameters(null, owner, "hello-world", null));
    }

    [Theory]
    [InlineData("hello-world\n")]
    [InlineData(".\n")]
    [InlineData("..\n")]
    [InlineData("%2e%2e")]
    [InlineData("re\u0000po")]
    [InlineData("\uFF52\uFF45\uFF50\uFF4F")]
    [InlineData("repo\u200B")]
    public void HostileRepoNamesRefused(string repo)
    {
        var error = Assert.Throws<ArgumentException>(() => new RepositoryName("octocat", repo));
        Assert.DoesNotContain(error.Message, c => char.IsControl(c));
        Assert.Throws<ArgumentException>(() => RepositoryName.FromParameters(null, "octocat", repo, null));
    }

    [Fact]
    public void NamesAtTheirLongestAreAcceptedAndOneMoreIsNot()
    {
        Assert.Equal(100, new RepositoryName(new string('o', 100), new string('r', 100)).Repo.Length);
        Assert.Throws<ArgumentException>(() => new RepositoryName(new string('o', 101), "r"));
        Assert.Throws<ArgumentException>(() => new RepositoryName("o", new string('r', 101)));
        Assert.Equal(200, InputValidator.TaskId(new string('t', 200)).Length);
        Assert.Throws<ArgumentException>(() => InputValidator.TaskId(new string('t', 201)));
    }

    [Fact]
    public void AVeryLongRefusedValueIsShortenedInTheMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => InputValidator.TaskId(new string('/', 100_000)));
        Assert.True(error.Message.Length < 500, $"{error.Message.Length} characters");
    }

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
