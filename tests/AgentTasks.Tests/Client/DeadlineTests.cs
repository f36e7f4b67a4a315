using AgentTasks.Core;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Waiting;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>Deadlines against a server that never answers: the operation timeout bounds a call across its retries,
/// and a wait's timeout bounds the requests in flight.</summary>
public class DeadlineTests
{
    private static CopilotClientOptions Options(SilentServer server, RecordingClock? clock = null)
    {
        var options = Clients.Options(server.BaseUri, clock: clock);
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);
        options.Retry.NextJitter = () => 0.5;
        return options;
    }

    [Fact]
    public async Task TheOperationTimeoutStopsTheRetriesOfACall()
    {
        using var server = new SilentServer();
        var clock = new RecordingClock();
        var options = Options(server, clock);
        // Backoffs with this jitter: 0.75 s, then 1.5 s, which would end past the 2 s budget.
        options.OperationTimeout = TimeSpan.FromSeconds(2);

        var error = await Assert.ThrowsAsync<CopilotTimeoutException>(() => new CopilotTaskClient(options).GetTaskAsync("t1"));

        Assert.Equal(new[] { TimeSpan.FromSeconds(0.75) }, clock.Delays);
        Assert.Contains("time budget of 2 s", error.Message);
        Assert.Equal(ErrorIds.Timeout, error.ErrorId);
    }

    [Fact]
    public async Task WithoutABudgetLeftTheSameCallUsesEveryAttempt()
    {
        using var server = new SilentServer();
        var clock = new RecordingClock();
        var options = Options(server, clock);

        var error = await Assert.ThrowsAsync<CopilotTimeoutException>(() => new CopilotTaskClient(options).GetTaskAsync("t1"));

        Assert.Equal(options.Retry.MaxAttempts - 1, clock.Delays.Count);
        Assert.Contains($"after {options.Retry.MaxAttempts} attempts", error.Message);
        Assert.DoesNotContain("budget", error.Message);
    }

    [Fact]
    public async Task AWaitTimeoutCancelsTheRequestInFlight()
    {
        using var server = new SilentServer();
        var options = Clients.Options(server.BaseUri);
        // Left alone, one request would take a minute: the wait's timeout must cut it.
        options.RequestTimeout = TimeSpan.FromSeconds(60);
        var waiter = new TaskWaiter(new CopilotTaskClient(options), new[] { new WaitTarget("t1") }, new WaitOptions { Timeout = TimeSpan.FromSeconds(1) });

        var poll = waiter.PollAsync();
        Assert.Same(poll, await Task.WhenAny(poll, Task.Delay(TimeSpan.FromSeconds(30))));
        await poll;

        Assert.True(waiter.TimedOut);
        Assert.True(waiter.IsDone);
        var (timeout, lastSeen) = Assert.Single(waiter.TimeoutResults());
        Assert.Equal((ErrorIds.Timeout, "t1"), (timeout.ErrorId, timeout.Target));
        Assert.Null(lastSeen);
    }
}
