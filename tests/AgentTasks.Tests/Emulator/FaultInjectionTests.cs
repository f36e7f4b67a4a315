using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Emulator;

/// <summary>Each kind of injected fault, and which requests a fault applies to.</summary>
public class FaultInjectionTests(EmulatorFixture emulator) : EmulatorTestBase(emulator)
{
    [Fact]
    public async Task AStatusFaultAnswersTheNextRequestsThenGoesAway()
    {
        await Control.AddFaultAsync("status", status: 502, count: 2);

        var first = await Api.GetJsonAsync("agents/tasks", HttpStatusCode.BadGateway);
        await Api.GetJsonAsync("agents/tasks", HttpStatusCode.BadGateway);
        await Api.GetJsonAsync("agents/tasks");

        Assert.Equal("Bad Gateway", first.GetProperty("message").GetString());
        Assert.True(first.TryGetProperty("documentation_url", out _));
        var log = await Control.RequestsAsync();
        Assert.Equal([502, 502, 200], log.Select(r => r.Status));
        Assert.Equal(["status", "status", null], log.Select(r => r.Fault));
    }

    [Fact]
    public async Task AStatusFaultIsA500ServerErrorByDefault()
    {
        await Control.AddFaultAsync("status");

        var error = await Api.GetJsonAsync("agents/tasks", HttpStatusCode.InternalServerError);

        Assert.Equal("Server Error", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("rate_limit", HttpStatusCode.TooManyRequests)]
    [InlineData("secondary_rate_limit", HttpStatusCode.Forbidden)]
    public async Task RateLimitFaultsSayWhenToRetry(string kind, HttpStatusCode status)
    {
        await Control.AddFaultAsync(kind, retryAfter: 7);

        using var response = await Api.GetAsync("agents/tasks");

        var error = await response.JsonAsync(status);
        Assert.Equal("7", response.Header("Retry-After"));
        Assert.Contains("rate limit", error.GetProperty("message").GetString());
        if (kind == "secondary_rate_limit")
        {
            Assert.Contains("secondary rate limit", error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task APrimaryRateLimitFaultSpendsTheLimitUntilTheReset()
    {
        await Control.AddFaultAsync("primary_rate_limit", retryAfter: 30);

        using var response = await Api.GetAsync("agents/tasks");

        var error = await response.JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("API rate limit exceeded", error.GetProperty("message").GetString());
        Assert.Equal("0", response.Header("x-ratelimit-remaining"));
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(response.Header("x-ratelimit-reset")));
        Assert.InRange(reset - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(28), TimeSpan.FromSeconds(31));
        Assert.False(response.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task ADelayFaultHoldsTheAnswerThenServesIt()
    {
        await Control.AddFaultAsync("delay", delayMs: 300);

        var watch = Stopwatch.StartNew();
        await Api.GetJsonAsync("agents/tasks");

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task TheLogCountsTheRequestsInFlightWhenEachArrives()
    {
        await Control.AddFaultAsync("delay", delayMs: 400, count: 2);

        // Two at once: the second arrives while the first is held. Then one alone, after both were answered.
        var first = Api.GetJsonAsync("agents/tasks");
        await Task.Delay(100);
        await Task.WhenAll(first, Api.GetJsonAsync("agents/tasks"));
        await Api.GetJsonAsync("agents/tasks");

        Assert.Equal(new[] { 0, 1, 0 }, (await Control.RequestsAsync()).Select(r => r.InFlightOnArrival));
    }

    [Fact]
    public async Task ARequestTheClientGaveUpOnDuringADelayIsNoLongerInFlight()
    {
        await Control.AddFaultAsync("delay", delayMs: 5000);
        using (var impatient = new HttpClient { BaseAddress = Emulator.BaseUri, Timeout = TimeSpan.FromMilliseconds(300) })
        {
            impatient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiClient.DefaultToken);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.GetAsync("agents/tasks"));
        }

        // The emulator hears of the abort a moment later; until then the request is rightly still in flight.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        int inFlight;
        do
        {
            await Task.Delay(100);
            await Api.GetJsonAsync("agents/tasks");
            inFlight = (await Control.RequestsAsync())[^1].InFlightOnArrival;
        }
        while (inFlight != 0 && DateTime.UtcNow < deadline);

        Assert.Equal(0, inFlight);
    }

    [Fact]
    public async Task ADropAbortsTheConnectionWithoutStartingTheTask()
    {
        await Control.AddFaultAsync("drop", method: "POST");

        await Assert.ThrowsAsync<HttpRequestException>(() => Api.PostAsync("agents/repos/octo-org/hello-world/tasks", """{"prompt":"p"}"""));

        Assert.Empty((await Api.GetJsonAsync("agents/tasks")).Ids());
        var dropped = (await Control.RequestsAsync())[0];
        Assert.Equal((0, "drop"), (dropped.Status, dropped.Fault));
    }

    [Fact]
    public async Task ADropAfterStartsTheTaskThenAbortsTheConnection()
    {
        await Control.AddFaultAsync("drop_after", method: "POST");

        await Assert.ThrowsAsync<HttpRequestException>(() => Api.PostAsync("agents/repos/octo-org/hello-world/tasks", """{"prompt":"p"}"""));

        Assert.Single((await Api.GetJsonAsync("agents/tasks")).Ids());
        var dropped = (await Control.RequestsAsync())[0];
        Assert.Equal((0, "drop_after"), (dropped.Status, dropped.Fault));
    }

    [Fact]
    public async Task AMalformedAnswerHasTheRightStatusAndABodyThatDoesNotParse()
    {
        await Control.AddFaultAsync("malformed", method: "POST");

        using var response = await Api.PostAsync("agents/repos/octo-org/hello-world/tasks", """{"prompt":"p"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("{\"id\":", body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.Single((await Api.GetJsonAsync("agents/tasks")).Ids());
    }

    [Fact]
    public async Task ABodyFaultAnswersWithExactlyTheStatusAndBodyGivenWithoutServingTheRequest()
    {
        const string noId = """{"state":"queued","created_at":"2026-01-02T03:04:05Z"}""";
        await Control.AddFaultAsync("body", status: 201, body: noId, method: "POST");

        using var response = await Api.PostAsync("agents/repos/octo-org/hello-world/tasks", """{"prompt":"p"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(noId, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(response.Headers.Contains("ETag"));
        Assert.True(response.Headers.Contains("X-GitHub-Request-Id"));
        Assert.Empty((await Api.GetJsonAsync("agents/tasks")).Ids());
        Assert.Equal((201, "body"), ((await Control.RequestsAsync())[0].Status, (await Control.RequestsAsync())[0].Fault));
    }

    [Fact]
    public async Task ABodyFaultCanBeAnHtmlErrorPageOfAProxy()
    {
        const string page = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
        await Control.AddFaultAsync("body", status: 502, body: page, contentType: "text/html", retryAfter: 0);

        using var response = await Api.GetAsync("agents/tasks");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(page, await response.Content.ReadAsStringAsync());
        Assert.Equal("0", response.Header("Retry-After"));
    }

    [Fact]
    public async Task ABodyFaultDefaultsToA200WithTheBody()
    {
        await Control.AddFaultAsync("body", body: "not json at all");

        using var response = await Api.GetAsync("agents/tasks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("not json at all", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("body", null, null, null)]
    [InlineData("body", 204, "x", null)]
    [InlineData("body", 304, "x", null)]
    [InlineData("body", 199, "x", null)]
    [InlineData("body", 600, "x", null)]
    [InlineData("body", 200, "x", "text/html\r\nX-Evil: 1")]
    [InlineData("status", 500, "x", null)]
    [InlineData("malformed", null, null, "text/html")]
    public async Task ABodyFaultNeedsABodyAStatusThatCanCarryOneAndGoesAlone(string kind, int? status, string? body, string? contentType)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Control.AddFaultAsync(kind, status: status, body: body, contentType: contentType));

        Assert.Contains("400", error.Message);
    }

    [Fact]
    public async Task AFaultAppliesOnlyToItsMethodAndPathPrefix()
    {
        await Control.AddFaultAsync("status", status: 503, method: "POST");
        await Control.AddFaultAsync("status", status: 504, pathPrefix: "/agents/tasks");

        await Api.GetJsonAsync("agents/repos/octo-org/hello-world/tasks");
        await Api.GetJsonAsync("agents/tasks", HttpStatusCode.GatewayTimeout);
        using var post = await Api.PostAsync("agents/repos/octo-org/hello-world/tasks", """{"prompt":"p"}""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
    }

    [Fact]
    public async Task PercentFaultsLastUntilClearedAndRepeatTheSameDraws()
    {
        async Task<int[]> TwentyStatuses()
        {
            var statuses = new int[20];
            for (var i = 0; i < statuses.Length; i++)
            {
                using var response = await Api.GetAsync("agents/tasks");
                statuses[i] = (int)response.StatusCode;
            }

            return statuses;
        }

        await Control.AddFaultAsync("status", status: 502, percent: 50);
        var first = await TwentyStatuses();
        await Control.ClearFaultsAsync();
        var cleared = await TwentyStatuses();
        await Control.AddFaultAsync("status", status: 502, percent: 50);
        var again = await TwentyStatuses();

        Assert.Contains(502, first);
        Assert.Contains(200, first);
        Assert.All(cleared, status => Assert.Equal(200, status));
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task TheControlSurfaceIsNeverFaulted()
    {
        await Control.AddFaultAsync("drop", percent: 100);

        var ids = await Control.SeedAsync("octo-org", "hello-world", 1);

        Assert.Single(ids);
        Assert.Empty(await Control.RequestsAsync());
    }
}
