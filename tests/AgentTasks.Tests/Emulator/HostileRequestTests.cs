using System.Net;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Emulator;

/// <summary>Names GitHub would not allow, as a client that does not check them sends them: each is a 404 for every
/// operation (never a 500, never a task), and no part of one is copied into a response header.</summary>
public class HostileRequestTests(EmulatorFixture emulator) : EmulatorTestBase(emulator)
{
    public static TheoryData<string> BadRepositories => new()
    {
        "octo-org/hello-world%0A",
        "octo-org%0A/hello-world",
        "octo-org/hello-world%0D%0AX-Evil:%201",
        "octo-org/r%C3%B6",
        "octo-org/%EF%BD%92%EF%BD%85%EF%BD%90%EF%BD%8F",
        "octo.org/hello-world",
        "-octo/hello-world",
        "_octo/hello-world",
        new string('o', 101) + "/hello-world",
        "octo-org/" + new string('r', 101),
    };

    [Theory]
    [MemberData(nameof(BadRepositories))]
    public async Task ARepositoryGitHubWouldNotAllowIsNotFoundForEveryOperationAndStartsNothing(string repository)
    {
        var path = $"agents/repos/{repository}/tasks";

        using var list = await Api.GetAsync(path);
        using var get = await Api.GetAsync(path + "/a1b2c3d4");
        using var start = await Api.PostAsync(path, """{"prompt":"p"}""");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { list.StatusCode, get.StatusCode, start.StatusCode });
        Assert.False(list.Headers.Contains("Link"));
        Assert.Empty((await Api.GetJsonAsync("agents/tasks")).Ids());
    }

    [Fact]
    public async Task ANulInThePathIsRefusedByTheServerItselfAndStartsNothing()
    {
        using var start = await Api.PostAsync("agents/repos/octo-org/hello%00world/tasks", """{"prompt":"p"}""");

        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Empty((await Api.GetJsonAsync("agents/tasks")).Ids());
    }

    [Theory]
    [InlineData("hello-world\n")]
    [InlineData("..")]
    [InlineData("r\u00F6")]
    public async Task SeedingARepositoryGitHubWouldNotAllowIsRefused(string repo)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Control.SeedAsync("octo-org", repo, 1));

        Assert.Contains("400", error.Message);
    }

    [Fact]
    public async Task ALinkHeaderNamesTheListAsTheApiSpellsIt()
    {
        await Control.SeedAsync("octo-org", "hello-world", 3);

        using var response = await Api.GetAsync("agents/repos/octo-org/hello%2Dworld/tasks/?per_page=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(Emulator.BaseUri.GetLeftPart(UriPartial.Authority) + "/agents/repos/octo-org/hello-world/tasks?", response.Links()["next"]);
    }

    [Theory]
    [InlineData("Bearer t\u00F6ken")]
    [InlineData("Bearer \uFF54\uFF4F\uFF4B")]
    public async Task ATokenOutsideAsciiIsNotAccepted(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "agents/tasks");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8 }) { BaseAddress = Emulator.BaseUri };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("AgentTasks.Tests/1.0");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
