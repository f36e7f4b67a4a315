using AgentTasks.Core.Http;

namespace AgentTasks.Tests.Core;

public class LinkHeaderTests
{
    private const string GitHubStyle =
        "<https://api.github.com/agents/tasks?page=2&per_page=30>; rel=\"next\", <https://api.github.com/agents/tasks?page=5&per_page=30>; rel=\"last\"";

    [Fact]
    public void FindsNextAmongSeveralRelations()
    {
        Assert.Equal("https://api.github.com/agents/tasks?page=2&per_page=30", LinkHeader.Find(GitHubStyle, "next")!.AbsoluteUri);
        Assert.Equal("https://api.github.com/agents/tasks?page=5&per_page=30", LinkHeader.Find(GitHubStyle, "last")!.AbsoluteUri);
    }

    [Fact]
    public void AbsentRelationIsNull() => Assert.Null(LinkHeader.Find(GitHubStyle, "prev"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage without brackets")]
    [InlineData("<https://api.github.com/x?page=2>")]
    [InlineData("</relative?page=2>; rel=\"next\"")]
    public void UnusableHeadersGiveNoLink(string? header) => Assert.Null(LinkHeader.Find(header, "next"));

    [Fact]
    public void AcceptsUnquotedAndMultiValuedRel()
    {
        Assert.NotNull(LinkHeader.Find("<https://h/x?page=2>; rel=next", "next"));
        Assert.NotNull(LinkHeader.Find("<https://h/x?page=2>; rel=\"next last\"", "next"));
        Assert.NotNull(LinkHeader.Find("<https://h/x?page=2>; type=\"text\"; rel=\"NEXT\"", "next"));
    }

    [Fact]
    public void FirstPrevNextLastAsTheOpenapiDescribes()
    {
        var header = "<https://h/t?page=1>; rel=\"first\", <https://h/t?page=2>; rel=\"prev\", <https://h/t?page=4>; rel=\"next\", <https://h/t?page=9>; rel=\"last\"";
        Assert.Equal("https://h/t?page=4", LinkHeader.Find(header, "next")!.AbsoluteUri);
        Assert.Equal("https://h/t?page=2", LinkHeader.Find(header, "prev")!.AbsoluteUri);
    }
}
