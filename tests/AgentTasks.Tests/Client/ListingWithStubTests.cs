using System.Net;
using AgentTasks.Core;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>Paging against servers that misbehave in ways the emulator does not.</summary>
public class ListingWithStubTests
{
    private static async Task<List<string>> ReadIds(TaskListing listing) =>
        (await OperationsTests.ReadAll(listing)).Select(t => t.Id).ToList();

    [Fact]
    public async Task ANextLinkToAnotherOriginIsNotFollowedButItsPageIsAskedOfTheBaseUri()
    {
        var stub = new StubHandler(request => request.RequestUri!.Query.Contains("page=1")
            ? StubHandler.Json(StubHandler.TaskList("a", "b"), link: "<https://evil.example.net/steal?page=2&per_page=2>; rel=\"next\"")
            : StubHandler.Json(StubHandler.TaskList("c")));
        var ids = await ReadIds(Clients.WithStub(stub).ListUserTasks(new UserTaskQuery { PageSize = 2 }));
        Assert.Equal(new[] { "a", "b", "c" }, ids);
        Assert.All(stub.Requests, r => Assert.Equal("api.github.com", r.RequestUri!.Host));
        Assert.Equal("https://api.github.com/agents/tasks?per_page=2&page=2", stub.Requests[1].RequestUri!.AbsoluteUri);
    }

    /// <summary>Reads until the listing ends or fails; the ids read before a failure are kept.</summary>
    private static async Task<(List<string> Ids, Exception? Error)> ReadUntilFailure(TaskListing listing)
    {
        var ids = new List<string>();
        try
        {
            for (var page = await listing.NextPageAsync(); page is not null; page = await listing.NextPageAsync())
            {
                ids.AddRange(page.Select(t => t.Id));
            }
        }
        catch (Exception e)
        {
            return (ids, e);
        }
        return (ids, null);
    }

    [Fact]
    public async Task AServerThatAlwaysSaysNextCannotLoopUsForeverNorEndTheListingSilently()
    {
        var stub = new StubHandler(_ => StubHandler.Json(StubHandler.TaskList("same-1", "same-2"), link: "<https://api.github.com/agents/tasks?page=2>; rel=\"next\""));
        var (ids, error) = await ReadUntilFailure(Clients.WithStub(stub).ListUserTasks());
        Assert.Equal(new[] { "same-1", "same-2" }, ids);
        Assert.Equal(2, stub.Requests.Count);
        var incomplete = Assert.IsType<CopilotListingIncompleteException>(error);
        Assert.Equal((ErrorIds.ListingIncomplete, 2), (incomplete.ErrorId, incomplete.Delivered));
        Assert.Contains("after 2 tasks", incomplete.Message);
    }

    [Fact]
    public async Task ANextLinkToAnotherOriginWithoutAPageNumberIsAnIncompleteListing()
    {
        var stub = new StubHandler(_ => StubHandler.Json(StubHandler.TaskList("a", "b"), link: "<https://elsewhere.example.net/more?cursor=xyz>; rel=\"next\""));
        var (ids, error) = await ReadUntilFailure(Clients.WithStub(stub).ListUserTasks());
        Assert.Equal(new[] { "a", "b" }, ids);
        Assert.Single(stub.Requests);
        Assert.Contains("another host", Assert.IsType<CopilotListingIncompleteException>(error).Message);
    }

    [Fact]
    public async Task APageThatRunsOutOfAttemptsSaysTheListingIsIncompleteAndHowFarItGot()
    {
        var stub = new StubHandler(request => request.RequestUri!.Query.Contains("page=1")
            ? StubHandler.Json(StubHandler.TaskList("a", "b", "c"), link: "<https://api.github.com/agents/tasks?page=2>; rel=\"next\"")
            : StubHandler.Json("{\"message\":\"Server Error\"}", HttpStatusCode.InternalServerError));
        var (ids, error) = await ReadUntilFailure(Clients.WithStub(stub).ListUserTasks());
        Assert.Equal(3, ids.Count);
        var incomplete = Assert.IsType<CopilotListingIncompleteException>(error);
        Assert.Equal(3, incomplete.Delivered);
        Assert.IsType<CopilotServerException>(incomplete.InnerException);
        Assert.Contains("Server Error", incomplete.Message);
    }

    [Fact]
    public async Task AFirstPageThatFailsIsThePlainFailure()
    {
        var stub = new StubHandler(_ => StubHandler.Json("{\"message\":\"Server Error\"}", HttpStatusCode.InternalServerError));
        var (ids, error) = await ReadUntilFailure(Clients.WithStub(stub).ListUserTasks());
        Assert.Empty(ids);
        Assert.IsType<CopilotServerException>(error);
    }

    [Fact]
    public async Task TasksRepeatedAcrossPagesAreDroppedAndNewOnesKept()
    {
        var stub = new StubHandler(request => request.RequestUri!.Query.Contains("page=1")
            ? StubHandler.Json(StubHandler.TaskList("a", "b"), link: "<https://api.github.com/agents/tasks?page=2>; rel=\"next\"")
            : StubHandler.Json(StubHandler.TaskList("b", "c")));
        Assert.Equal(new[] { "a", "b", "c" }, await ReadIds(Clients.WithStub(stub).ListUserTasks()));
    }

    [Fact]
    public async Task WithoutLinkHeadersAFullPageAsksForTheNextNumberAndAShortOneEnds()
    {
        var stub = new StubHandler(request => request.RequestUri!.Query.EndsWith("&page=1")
            ? StubHandler.Json(StubHandler.TaskList("a", "b"))
            : request.RequestUri!.Query.EndsWith("&page=2") ? StubHandler.Json(StubHandler.TaskList("c", "d")) : StubHandler.Json(StubHandler.TaskList("e")));
        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, await ReadIds(Clients.WithStub(stub).ListUserTasks(new UserTaskQuery { PageSize = 2 })));
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task AnEmptyFirstPageEndsTheListingButKeepsTheCounts()
    {
        var stub = new StubHandler(_ => StubHandler.Json("""{"tasks":[],"total_active_count":0,"total_archived_count":4}""", link: "<https://api.github.com/agents/tasks?page=2>; rel=\"next\""));
        var listing = Clients.WithStub(stub).ListUserTasks();
        var page = await listing.NextPageAsync();
        Assert.Empty(page!);
        Assert.Equal((0, 4), (listing.TotalActiveCount!.Value, listing.TotalArchivedCount!.Value));
        Assert.Null(await listing.NextPageAsync());
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ALinkHeaderWithoutNextMeansTheLastPage()
    {
        var stub = new StubHandler(_ => StubHandler.Json(StubHandler.TaskList("a", "b"), link: "<https://api.github.com/agents/tasks?page=1>; rel=\"first\""));
        Assert.Equal(2, (await ReadIds(Clients.WithStub(stub).ListUserTasks(new UserTaskQuery { PageSize = 2 }))).Count);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ErrorsFromProxiesWithHtmlBodiesStillReport()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("<html>nope</html>") });
        var error = await Assert.ThrowsAsync<AgentTasks.Core.Errors.CopilotAuthenticationException>(() => Clients.WithStub(stub).GetTaskAsync("t1"));
        Assert.Equal(401, error.StatusCode);
        Assert.Equal("CopilotAuthenticationFailed", error.ErrorId);
    }

    [Fact]
    public async Task TaskIdsAreCheckedBeforeTheyGoIntoThePath()
    {
        var stub = new StubHandler(_ => StubHandler.Json("""{"id":"A1-b_2.c","state":"queued","created_at":"2025-01-01T00:00:00Z"}"""));
        var client = Clients.WithStub(stub);
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTaskAsync("../../user"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTaskAsync("."));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTaskAsync("a%2fb"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTaskAsync("a+b"));
        Assert.Empty(stub.Requests);
        await client.GetTaskAsync("A1-b_2.c");
        Assert.Equal("/agents/tasks/A1-b_2.c", stub.Requests.Single().RequestUri!.AbsolutePath);
    }
}
