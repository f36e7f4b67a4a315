using AgentTasks.Core;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>Each error status becomes its typed exception with a stable ErrorId and GitHub's details.</summary>
public class ErrorStatusTests : AgentTasks.Tests.Emulator.EmulatorTestBase
{
    private readonly CopilotTaskClient client;

    public ErrorStatusTests(EmulatorFixture emulator)
        : base(emulator)
    {
        client = Clients.For(Emulator.BaseUri);
    }

    [Theory]
    [InlineData(400, typeof(CopilotValidationException), "CopilotValidationFailed")]
    [InlineData(401, typeof(CopilotAuthenticationException), "CopilotAuthenticationFailed")]
    [InlineData(403, typeof(CopilotPermissionException), "CopilotPermissionDenied")]
    [InlineData(404, typeof(CopilotNotFoundException), "CopilotRepositoryNotFound")]
    [InlineData(422, typeof(CopilotValidationException), "CopilotValidationFailed")]
    [InlineData(418, typeof(CopilotServerException), "CopilotServerError")]
    public async Task EachDeclaredStatusHasItsType(int status, Type type, string errorId)
    {
        await Control.AddFaultAsync("status", status: status);
        var error = await Assert.ThrowsAnyAsync<CopilotApiException>(() => client.ListRepositoryTasks(Clients.Repo).NextPageAsync());
        Assert.IsType(type, error);
        Assert.Equal((errorId, status, "octo-org/hello-world"), (error.ErrorId, error.StatusCode, error.Target));
        Assert.NotNull(error.ApiMessage);
        Assert.NotNull(error.DocumentationUrl);
        Assert.Contains(error.DocumentationUrl!, error.Message);
        Assert.Contains(error.RequestId!, error.Message);
        Assert.Single(await Control.RequestsAsync());
    }

    [Fact]
    public async Task ValidationDetailsReachTheMessage()
    {
        await Control.AddFaultAsync("status", status: 422);
        var error = await Assert.ThrowsAsync<CopilotValidationException>(() => client.StartTaskAsync(Clients.Repo, new StartTaskRequest("p")));
        Assert.NotEmpty(error.Errors);
        Assert.Contains(error.Errors[0].ToString(), error.Message);
    }

    [Fact]
    public async Task AnInstallationTokenIsRefusedWithAHint()
    {
        var installation = Clients.For(Emulator.BaseUri, token: "ghs_InstallationToken123");
        var error = await Assert.ThrowsAsync<CopilotPermissionException>(() => installation.ListUserTasks().NextPageAsync());
        Assert.Equal(403, error.StatusCode);
        Assert.Contains("installation token", error.Hint);
        Assert.Contains(error.Hint!, error.Message);
    }

    [Fact]
    public async Task AUserTokenGetsNoInstallationHint()
    {
        await Control.AddFaultAsync("status", status: 403);
        var error = await Assert.ThrowsAsync<CopilotPermissionException>(() => client.ListUserTasks().NextPageAsync());
        Assert.Null(error.Hint);
    }

    [Fact]
    public async Task ARateLimitThatOutlastsMaxWaitIsReportedWithItsRetryAfter()
    {
        await Control.AddFaultAsync("rate_limit", retryAfter: 3600);
        var error = await Assert.ThrowsAsync<CopilotRateLimitException>(() => client.ListUserTasks().NextPageAsync());
        Assert.Equal(("CopilotRateLimited", 429), (error.ErrorId, error.StatusCode));
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Single(await Control.RequestsAsync());
    }

    [Fact]
    public async Task AnEmulatorWithNoTokenHeaderAnswers401()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(Emulator.BaseUri, "agents/tasks"));
        Assert.Equal(401, (int)response.StatusCode);
    }
}
