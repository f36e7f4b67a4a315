using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AgentTasks.Core;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>Retries, timeouts and the no-duplicate-POST rule, against the emulator's injected faults.</summary>
public class FaultTests : AgentTasks.Tests.Emulator.EmulatorTestBase
{
    private readonly RecordingClock clock = new();
    private readonly CopilotTaskClient client;

    public FaultTests(EmulatorFixture emulator)
        : base(emulator)
    {
        client = Clients.For(Emulator.BaseUri, clock: clock);
    }

    private async Task<int> TaskCount() => (await OperationsTests.ReadAll(Clients.For(Emulator.BaseUri).ListRepositoryTasks(Clients.Repo))).Count;

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task AGetSurvivesServerErrors(int status)
    {
        await Control.SeedAsync("octo-org", "hello-world", 1);
        await Control.AddFaultAsync("status", status: status, count: 2);
        var page = await client.ListRepositoryTasks(Clients.Repo).NextPageAsync();
        Assert.Single(page!);
        Assert.Equal(new[] { status, status, 200 }, (await Control.RequestsAsync()).Select(r => r.Status));
        Assert.Equal(2, clock.Delays.Count);
    }

    [Fact]
    public async Task AGetGivesUpAfterMaxAttempts()
    {
        await Control.AddFaultAsync("status", status: 503, count: 10);
        var error = await Assert.ThrowsAsync<CopilotServerException>(() => client.ListUserTasks().NextPageAsync());
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(new RetryPolicy().MaxAttempts, (await Control.RequestsAsync()).Count);
    }

    [Theory]
    [InlineData("rate_limit")]
    [InlineData("secondary_rate_limit")]
    public async Task RateLimitsWaitForRetryAfter(string kind)
    {
        await Control.AddFaultAsync(kind, retryAfter: 2);
        await client.ListUserTasks().NextPageAsync();
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(clock.Delays));
    }

    [Fact]
    public async Task APrimaryRateLimitWaitsForTheReset()
    {
        await Control.AddFaultAsync("primary_rate_limit", retryAfter: 30);
        await client.ListUserTasks().NextPageAsync();
        Assert.InRange(Assert.Single(clock.Delays), TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(32));
    }

    [Theory]
    [InlineData("rate_limit")]
    [InlineData("secondary_rate_limit")]
    public async Task ARateLimitedPostIsRetriedAndStartsOneTask(string kind)
    {
        await Control.AddFaultAsync(kind, retryAfter: 1, method: "POST");
        var task = await client.StartTaskAsync(Clients.Repo, new StartTaskRequest("once"));
        Assert.NotEmpty(task.Id);
        Assert.Equal(1, await TaskCount());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task APostIsNotRetriedOnServerErrors(int status)
    {
        await Control.AddFaultAsync("status", status: status, method: "POST");
        // A 5xx leaves open whether GitHub acted: the task is looked for (here it was not made) rather than started again.
        var error = await Assert.ThrowsAsync<CopilotStartUnconfirmedException>(() => client.StartTaskAsync(Clients.Repo, new StartTaskRequest("p")));
        Assert.IsType<CopilotServerException>(error.InnerException);
        Assert.Single(await Control.RequestsAsync(), r => r.Method == "POST");
        Assert.Empty(clock.Delays);
    }

    [Theory]
    [InlineData("drop")]
    [InlineData("malformed")]
    public async Task AGetSurvivesDroppedConnectionsAndGarbledBodies(string kind)
    {
        var id = (await Control.SeedAsync("octo-org", "hello-world", 1)).Single();
        await Control.AddFaultAsync(kind);
        Assert.Equal(id, (await client.GetTaskAsync(id)).Id);
        Assert.Equal(2, (await Control.RequestsAsync()).Count);
    }

    [Fact]
    public async Task APostToAPortNobodyListensOnIsRetriedBecauseItNeverLeft()
    {
        var closed = new Uri($"http://127.0.0.1:{UnusedPort()}/");
        var refused = Clients.For(closed, clock: clock);
        var error = await Assert.ThrowsAsync<CopilotConnectionException>(() => refused.StartTaskAsync(Clients.Repo, new StartTaskRequest("p")));
        Assert.Equal("CopilotConnectionFailed", error.ErrorId);
        Assert.Equal(new RetryPolicy().MaxAttempts - 1, clock.Delays.Count);
    }

    [Fact]
    public async Task ASlowAnswerIsATimeoutNotACancellation()
    {
        await Control.AddFaultAsync("delay", delayMs: 3000, count: 10);
        var options = Clients.Options(Emulator.BaseUri, clock: clock);
        options.RequestTimeout = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxAttempts = 2;
        var error = await Assert.ThrowsAsync<CopilotTimeoutException>(() => new CopilotTaskClient(options).ListUserTasks().NextPageAsync());
        Assert.Equal("CopilotTimeout", error.ErrorId);
        Assert.Single(clock.Delays);
    }

    [Fact]
    public async Task CancellingDuringARequestIsACancellation()
    {
        await Control.AddFaultAsync("delay", delayMs: 5000);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListUserTasks().NextPageAsync(cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task CancellingDuringABackoffStopsTheWaitAtOnce()
    {
        await Control.AddFaultAsync("rate_limit", retryAfter: 120, count: 5);
        var options = Clients.Options(Emulator.BaseUri);
        options.Clock = AgentTasks.Core.SystemClock.Instance;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CopilotTaskClient(options).ListUserTasks().NextPageAsync(cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Single(await Control.RequestsAsync());
    }

    [Fact]
    public async Task APercentageOfFailuresIsAbsorbedByRetries()
    {
        await Control.SeedAsync("octo-org", "hello-world", 12);
        await Control.AddFaultAsync("status", status: 502, percent: 30);
        var options = Clients.Options(Emulator.BaseUri, clock: clock);
        options.Retry.MaxAttempts = 10;
        var tasks = await OperationsTests.ReadAll(new CopilotTaskClient(options).ListRepositoryTasks(Clients.Repo, new RepositoryTaskQuery { PageSize = 3 }));
        Assert.Equal(12, tasks.Count);
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
