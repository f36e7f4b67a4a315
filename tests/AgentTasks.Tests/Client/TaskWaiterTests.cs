using AgentTasks.Core;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Models;
using AgentTasks.Core.Waiting;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>The wait behind Wait-CopilotTask, against the emulator, with a clock whose waits are instant and
/// during which the test changes the tasks' states.</summary>
public class TaskWaiterTests : AgentTasks.Tests.Emulator.EmulatorTestBase
{
    private readonly RecordingClock clock = new();
    private readonly CopilotTaskClient client;

    public TaskWaiterTests(EmulatorFixture emulator)
        : base(emulator)
    {
        client = Clients.For(Emulator.BaseUri);
    }

    private TaskWaiter Waiter(IEnumerable<WaitTarget> targets, bool any = false, int? timeoutSeconds = null) =>
        new(client, targets, new WaitOptions { Any = any, Timeout = timeoutSeconds is { } t ? TimeSpan.FromSeconds(t) : null, PollInterval = TimeSpan.FromSeconds(10) }, clock);

    private static async Task Run(TaskWaiter waiter)
    {
        for (var round = 0; round < 50; round++)
        {
            await waiter.PollAsync();
            if (waiter.IsDone)
            {
                return;
            }

            await waiter.DelayAsync();
        }
        throw new Xunit.Sdk.XunitException("the wait never ended");
    }

    private async Task<List<string>> Running(int count, string repo = "hello-world") =>
        (await Control.SeedAsync("octo-org", repo, count, state: "in_progress")).ToList();

    /// <summary>After the given number of waits, moves the tasks to their new states.</summary>
    private void AfterWaits(int waits, params (string Id, string State)[] changes)
    {
        var seen = 0;
        clock.OnDelay = async () =>
        {
            if (++seen != waits)
            {
                return;
            }

            foreach (var (id, state) in changes)
            {
                await Control.SetStateAsync(id, state);
            }
        };
    }

    [Fact]
    public async Task ReturnsEveryTaskOnceStoppedInTheOrderGivenWithSessions()
    {
        var ids = await Running(3);
        AfterWaits(2, (ids[0], "completed"), (ids[1], "waiting_for_user"), (ids[2], "failed"));
        var waiter = Waiter(ids.Select(id => new WaitTarget(id, Clients.Repo)));

        await Run(waiter);

        Assert.Equal(ids, waiter.Stopped.Select(t => t.Id));
        Assert.Equal(new[] { CopilotTaskState.Completed, CopilotTaskState.WaitingForUser, CopilotTaskState.Failed }, waiter.Stopped.Select(t => t.State));
        Assert.All(waiter.Stopped, t => Assert.NotEmpty(t.Sessions));
        Assert.False(waiter.TimedOut);
        Assert.Equal(2, clock.Delays.Count);
    }

    [Fact]
    public async Task TasksOfOneRepositoryArePolledWithOneListRequestPerRound()
    {
        var ids = await Running(4);
        AfterWaits(3, ids.Select(id => (id, "completed")).ToArray());
        await Run(Waiter(ids.Select(id => new WaitTarget(id, Clients.Repo))));

        var requests = await Control.RequestsAsync();
        var firstRound = requests.Take(4).ToList();
        Assert.All(firstRound, r => Assert.Matches("^/agents/repos/octo-org/hello-world/tasks/", r.Path));
        var lists = requests.Where(r => r.Path == "/agents/repos/octo-org/hello-world/tasks").ToList();
        Assert.Equal(3, lists.Count);
        Assert.All(lists, r => Assert.Contains("since=", r.Query));
        // Nothing changed between the first two list rounds: the same URL, answered 304 without a body.
        Assert.Equal(304, lists[1].Status);
        // Four GETs to start, three list rounds, then one GET each for the stopped tasks' sessions.
        Assert.Equal(4 + 3 + 4, requests.Count);
    }

    [Fact]
    public async Task PipedTasksThatSayWhenTheyWereUpdatedArePolledByListFromTheFirstRound()
    {
        var ids = await Running(4);
        var seen = await client.GetTaskAsync(ids[0], Clients.Repo);
        AfterWaits(1, ids.Select(id => (id, "completed")).ToArray());

        await Run(Waiter(ids.Select(id => new WaitTarget(id, Clients.Repo, seen.UpdatedAt))));

        // The first request is the GET that saw the task, before the wait.
        var requests = (await Control.RequestsAsync()).Skip(1).ToList();
        // Two list rounds (running, then stopped), then one GET each for the stopped tasks' sessions: no GET to start.
        Assert.Equal(2, requests.Count(r => r.Path == "/agents/repos/octo-org/hello-world/tasks"));
        Assert.Equal("/agents/repos/octo-org/hello-world/tasks", requests[0].Path);
        Assert.Equal(2 + 4, requests.Count);
    }

    [Fact]
    public async Task WithoutSessionsNoTaskIsReadAgainOnceStopped()
    {
        var ids = await Running(3);
        var seen = await client.GetTaskAsync(ids[0], Clients.Repo);
        AfterWaits(1, ids.Select(id => (id, "failed")).ToArray());
        var waiter = new TaskWaiter(client, ids.Select(id => new WaitTarget(id, Clients.Repo, seen.UpdatedAt)), new WaitOptions { PollInterval = TimeSpan.FromSeconds(10), ReadSessions = false }, clock);

        await Run(waiter);

        Assert.Equal(ids, waiter.Stopped.Select(t => t.Id));
        Assert.All(waiter.Stopped, t => Assert.Equal(CopilotTaskState.Failed, t.State));
        Assert.All((await Control.RequestsAsync()).Skip(1), r => Assert.Equal("/agents/repos/octo-org/hello-world/tasks", r.Path));
    }

    [Fact]
    public async Task AnyEndsTheWaitWhenOneTaskStops()
    {
        var ids = await Running(3);
        AfterWaits(1, (ids[1], "cancelled"));
        var waiter = Waiter(ids.Select(id => new WaitTarget(id, Clients.Repo)), any: true);

        await Run(waiter);

        Assert.Equal(ids[1], Assert.Single(waiter.Stopped).Id);
        Assert.False(waiter.TimedOut);
    }

    [Fact]
    public async Task TheTimeoutReportsEachTaskStillRunningWithItsLastState()
    {
        var ids = await Running(2);
        AfterWaits(1, (ids[0], "completed"));
        var waiter = Waiter(ids.Select(id => new WaitTarget(id, Clients.Repo)), timeoutSeconds: 25);

        await Run(waiter);

        Assert.True(waiter.TimedOut);
        Assert.Equal(new[] { TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5) }, clock.Delays);
        Assert.Equal(ids[0], Assert.Single(waiter.Stopped).Id);
        var (error, lastSeen) = Assert.Single(waiter.TimeoutResults());
        Assert.Equal(("CopilotTimeout", "OperationTimeout", ids[1]), (error.ErrorId, error.Category, error.Target));
        Assert.Contains("in_progress", error.Message);
        Assert.Equal(CopilotTaskState.InProgress, lastSeen!.State);
    }

    [Fact]
    public async Task AnUnknownTaskFailsAloneAndTheOthersAreStillWaitedFor()
    {
        var ids = await Running(1);
        AfterWaits(1, (ids[0], "completed"));
        var waiter = Waiter(new[] { new WaitTarget("no-such-task"), new WaitTarget(ids[0]) });

        await Run(waiter);

        var failure = Assert.Single(waiter.TakeFailures());
        Assert.Equal(("CopilotTaskNotFound", "no-such-task"), (failure.ErrorId, failure.Target));
        Assert.Empty(waiter.TakeFailures());
        Assert.Equal(ids[0], Assert.Single(waiter.Stopped).Id);
        Assert.Equal(100, waiter.Progress.PercentComplete);
    }

    [Fact]
    public async Task TransientTroubleIsAWarningAndTheWaitGoesOn()
    {
        var ids = await Running(1);
        var options = Clients.Options(Emulator.BaseUri);
        options.Retry.MaxAttempts = 1;
        var waiter = new TaskWaiter(new CopilotTaskClient(options), new[] { new WaitTarget(ids[0]) }, new WaitOptions(), clock);
        await Control.AddFaultAsync("status", status: 503);
        AfterWaits(1, (ids[0], "completed"));

        await Run(waiter);

        Assert.Contains("503", Assert.Single(waiter.TakeWarnings()));
        Assert.Empty(waiter.TakeFailures());
        Assert.Single(waiter.Stopped);
    }

    [Fact]
    public async Task TasksAlreadyStoppedEndTheWaitAtOnceAndIdsAreWaitedForOnce()
    {
        var ids = await Control.SeedAsync("octo-org", "hello-world", 2, state: "completed");
        var waiter = Waiter(new[] { new WaitTarget(ids[0]), new WaitTarget(ids[1]), new WaitTarget(ids[0]) });

        await Run(waiter);

        Assert.Equal(2, waiter.Stopped.Count);
        Assert.Empty(clock.Delays);
        Assert.Equal(2, (await Control.RequestsAsync()).Count);
        Assert.All(await Control.RequestsAsync(), r => Assert.StartsWith("/agents/tasks/", r.Path));
    }

    [Fact]
    public async Task ProgressCountsStoppedAndRunningByState()
    {
        var running = await Running(2);
        var queued = await Control.SeedAsync("octo-org", "hello-world", 1, state: "queued");
        var done = await Control.SeedAsync("octo-org", "hello-world", 1, state: "completed");
        var waiter = Waiter(running.Concat(queued).Concat(done).Select(id => new WaitTarget(id, Clients.Repo)));

        await waiter.PollAsync();

        var progress = waiter.Progress;
        Assert.Equal((4, 1, 25), (progress.Total, progress.Stopped, progress.PercentComplete));
        Assert.Equal("1 of 4 stopped; in_progress: 2, queued: 1", progress.Status);
        Assert.Equal($"{running[0][..8]} in_progress, {running[1][..8]} in_progress, {queued[0][..8]} queued", progress.PendingTasks);
        Assert.False(waiter.IsDone);
    }

    [Fact]
    public async Task ARejectedTokenStopsTheWholeWait()
    {
        var ids = await Running(1);
        await Control.AddFaultAsync("status", status: 401);
        var error = await Assert.ThrowsAsync<CopilotAuthenticationException>(() => Waiter(new[] { new WaitTarget(ids[0]) }).PollAsync());
        Assert.True(error.AffectsEveryCall);
    }

    [Fact]
    public void BadOptionsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new TaskWaiter(client, Array.Empty<WaitTarget>(), new WaitOptions { PollInterval = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new TaskWaiter(client, Array.Empty<WaitTarget>(), new WaitOptions { Timeout = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentException>(() => new WaitTarget("a/b"));
    }
}
