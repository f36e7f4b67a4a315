using System.Net;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>Success statuses whose bodies are not what the API describes: each is a CopilotInvalidResponse from the
/// sender, never a task with an empty id that fails later (a -Wait that threw ArgumentException).</summary>
public class HostileAnswerTests
{
    private const string NoId = """{"state":"queued","created_at":"2026-01-02T03:04:05Z"}""";

    [Theory]
    [InlineData(NoId)]
    [InlineData("""{"id":"","state":"queued","created_at":"2026-01-02T03:04:05Z"}""")]
    [InlineData("""{"id":"..","state":"queued","created_at":"2026-01-02T03:04:05Z"}""")]
    [InlineData("<html><body>Created</body></html>")]
    public async Task AStartAnsweredWithoutAUsableTaskIsAnInvalidResponseAndIsNotRepeated(string body)
    {
        // The 201 may mean a task exists: it is looked for (the stub's listing has none that fits), not started again.
        var stub = new StubHandler(request => request.Method == HttpMethod.Post
            ? StubHandler.Json(body, HttpStatusCode.Created)
            : StubHandler.Json(StubHandler.TaskList()));

        var error = await Assert.ThrowsAsync<CopilotStartUnconfirmedException>(() => Clients.WithStub(stub).StartTaskAsync(Clients.Repo, new StartTaskRequest("p")));

        Assert.Equal(ErrorIds.InvalidResponse, Assert.IsType<CopilotResponseException>(error.InnerException).ErrorId);
        Assert.Contains("may still appear", error.Message);
        Assert.Single(stub.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task ATaskWithoutAnIdIsAnInvalidResponse()
    {
        var stub = new StubHandler(_ => StubHandler.Json(NoId));

        var error = await Assert.ThrowsAsync<CopilotResponseException>(() => Clients.WithStub(stub).GetTaskAsync("t1"));

        Assert.Equal(ErrorIds.InvalidResponse, error.ErrorId);
    }

    [Fact]
    public async Task AListWhoseItemsLackIdsIsAnInvalidResponseNotAnEmptyPage()
    {
        var stub = new StubHandler(_ => StubHandler.Json("{\"tasks\":[" + NoId + "," + NoId + "]}"));

        var error = await Assert.ThrowsAsync<CopilotResponseException>(() => Clients.WithStub(stub).ListRepositoryTasks(Clients.Repo).NextPageAsync());

        Assert.Equal(ErrorIds.InvalidResponse, error.ErrorId);
    }
}
