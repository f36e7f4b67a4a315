using System.Net;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Emulator;

/// <summary>Who may call, and GitHub's error bodies and headers when something is wrong.</summary>
public class AuthAndErrorTests(EmulatorFixture emulator) : EmulatorTestBase(emulator)
{
    [Fact]
    public async Task NoAuthorizationIs401WithGitHubsBody()
    {
        using var anonymous = new ApiClient(Emulator.BaseUri, token: null);
        using var response = await anonymous.GetAsync("agents/tasks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"message":"Requires authentication","documentation_url":"https://docs.github.com/rest"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer two tokens")]
    public async Task AMalformedAuthorizationIs401(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "agents/tasks");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var anonymous = new ApiClient(Emulator.BaseUri, token: null);
        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnInstallationTokenIs403SayingWhy()
    {
        using var installation = new ApiClient(Emulator.BaseUri, "ghs_InstallationToken");
        using var response = await installation.GetAsync("agents/repos/octo-org/hello-world/tasks");

        var error = await response.JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("installation tokens are not supported", error.GetProperty("message").GetString());
        Assert.Equal("https://docs.github.com/rest/agent-tasks/agent-tasks#list-tasks-for-repository",
            error.GetProperty("documentation_url").GetString());
    }

    [Fact]
    public async Task AnEmulatedUserTokenActsAsThatUser()
    {
        using var user42 = new ApiClient(Emulator.BaseUri, "emu_user_42_token");
        var task = await user42.StartAsync("""{"prompt":"mine"}""");

        Assert.Equal(42, task.GetProperty("creator").GetProperty("id").GetInt64());
        Assert.Equal([task.GetProperty("id").GetString()!], (await user42.GetJsonAsync("agents/tasks")).Ids());
        Assert.Empty((await Api.GetJsonAsync("agents/tasks")).Ids());
    }

    [Fact]
    public async Task AnUnknownTaskIs404WithTheEndpointsDocumentation()
    {
        var error = await Api.GetJsonAsync($"agents/tasks/{Guid.NewGuid()}", HttpStatusCode.NotFound);

        Assert.Equal("Not Found", error.GetProperty("message").GetString());
        Assert.Equal("https://docs.github.com/rest/agent-tasks/agent-tasks#get-a-task-by-id", error.GetProperty("documentation_url").GetString());
    }

    [Fact]
    public async Task ATaskOfAnotherRepositoryIs404OnTheRepositoryGet()
    {
        var id = (await Control.SeedAsync("octo-org", "hello-world", 1)).Single();

        var error = await Api.GetJsonAsync($"agents/repos/octo-org/other/tasks/{id}", HttpStatusCode.NotFound);

        Assert.Equal("https://docs.github.com/rest/agent-tasks/agent-tasks#get-a-task-by-repo", error.GetProperty("documentation_url").GetString());
    }

    [Theory]
    [InlineData("agents/repos/octo%20org/hello-world/tasks")]
    [InlineData("agents/repos/octo-org/hello%3Bworld/tasks")]
    [InlineData("agents/nothing")]
    public async Task NamesGitHubWouldNotAllowAndUnknownPathsAre404(string path)
    {
        var error = await Api.GetJsonAsync(path, HttpStatusCode.NotFound);

        Assert.Equal("Not Found", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task EveryAnswerCarriesAUniqueRequestIdAndRateLimitHeaders()
    {
        using var anonymous = new ApiClient(Emulator.BaseUri, token: null);
        using var error = await anonymous.GetAsync("agents/tasks");
        using var success = await Api.GetAsync("agents/tasks");

        Assert.StartsWith("EMU0:", error.Header("X-GitHub-Request-Id"));
        Assert.NotEqual(error.Header("X-GitHub-Request-Id"), success.Header("X-GitHub-Request-Id"));
        foreach (var response in new[] { error, success })
        {
            Assert.Equal("5000", response.Header("x-ratelimit-limit"));
            Assert.Equal("core", response.Header("x-ratelimit-resource"));
            Assert.Equal(5000, int.Parse(response.Header("x-ratelimit-remaining")) + int.Parse(response.Header("x-ratelimit-used")));
            var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(response.Header("x-ratelimit-reset")));
            Assert.InRange(reset - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        }
    }
}
