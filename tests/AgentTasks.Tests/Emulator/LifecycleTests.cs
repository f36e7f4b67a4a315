using System.Diagnostics;
using System.Text.Json;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Emulator;

/// <summary>Tasks moving through their states on the fixture's fast clock (queued 200 ms, running 600 ms).</summary>
public class LifecycleTests(EmulatorFixture emulator) : EmulatorTestBase(emulator)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task AnEndFailedTaskIsQueuedThenRunsThenFails()
    {
        // Long enough a run that a poll lands in it even on a busy machine.
        await Control.SetClockAsync(runningSeconds: 1.5);
        var started = await Api.StartAsync("""{"prompt":"Break things [end:failed]"}""");

        var (states, task) = await FollowAsync(started.GetProperty("id").GetString()!, "failed");

        Assert.Equal("queued", started.GetProperty("state").GetString());
        Assert.Equal(["in_progress", "failed"], states.SkipWhile(state => state == "queued"));
        var session = task.GetProperty("sessions")[0];
        Assert.Equal("failed", session.GetProperty("state").GetString());
        Assert.Equal(task.GetProperty("updated_at").GetString(), session.GetProperty("completed_at").GetString());
        Assert.Equal("ai_credits", session.GetProperty("usage").GetProperty("type").GetString());
        Assert.True(session.GetProperty("usage").GetProperty("amount").GetInt64() > 0);
        Assert.NotEmpty(session.GetProperty("error").GetProperty("message").GetString()!);
        Assert.Equal(0, task.GetProperty("artifacts").GetArrayLength());
    }

    [Fact]
    public async Task ACompletedTaskHasAPullRequestWhenAskedAndABranchOtherwise()
    {
        var withPull = (await Api.StartAsync("""{"prompt":"Fix it","create_pull_request":true}""")).GetProperty("id").GetString()!;
        var withBranch = (await Api.StartAsync("""{"prompt":"Fix it"}""")).GetProperty("id").GetString()!;

        var pull = Assert.Single((await FollowAsync(withPull, "completed")).Task.GetProperty("artifacts").EnumerateArray());
        var branch = Assert.Single((await FollowAsync(withBranch, "completed")).Task.GetProperty("artifacts").EnumerateArray());

        Assert.Equal(("github", "pull"), (pull.GetProperty("provider").GetString(), pull.GetProperty("type").GetString()));
        Assert.True(pull.GetProperty("data").GetProperty("id").GetInt64() > 0);
        Assert.Equal("branch", branch.GetProperty("type").GetString());
        Assert.Equal(("copilot/fix-it", "main"),
            (branch.GetProperty("data").GetProperty("head_ref").GetString(), branch.GetProperty("data").GetProperty("base_ref").GetString()));
    }

    [Fact]
    public async Task AStateSetByATestIsFrozenWhileOtherTasksMoveOn()
    {
        var moving = (await Api.StartAsync("""{"prompt":"moving"}""")).GetProperty("id").GetString()!;
        var frozen = (await Api.StartAsync("""{"prompt":"frozen"}""")).GetProperty("id").GetString()!;
        await Control.SetStateAsync(frozen, "waiting_for_user");

        await FollowAsync(moving, "completed");

        var task = await Api.GetJsonAsync($"agents/tasks/{frozen}");
        Assert.Equal("waiting_for_user", task.GetProperty("state").GetString());
        Assert.Equal("waiting_for_user", task.GetProperty("sessions")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task AClockChangeAppliesToNewTasksAndResetRestoresTheStartingClock()
    {
        var before = (await Api.StartAsync("""{"prompt":"before"}""")).GetProperty("id").GetString()!;
        await Control.SetClockAsync(queuedSeconds: 3600);
        var after = (await Api.StartAsync("""{"prompt":"after"}""")).GetProperty("id").GetString()!;

        await FollowAsync(before, "completed");
        Assert.Equal("queued", (await Api.GetJsonAsync($"agents/tasks/{after}")).GetProperty("state").GetString());

        await Control.ResetAsync();
        var restored = (await Api.StartAsync("""{"prompt":"restored"}""")).GetProperty("id").GetString()!;
        await FollowAsync(restored, "completed");
    }

    /// <summary>Polls the task until it reaches <paramref name="end"/>, returning each state seen once, in order.</summary>
    private async Task<(List<string> States, JsonElement Task)> FollowAsync(string id, string end)
    {
        var states = new List<string>();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var task = await Api.GetJsonAsync($"agents/tasks/{id}");
            var state = task.GetProperty("state").GetString()!;
            if (states.Count == 0 || states[^1] != state)
            {
                states.Add(state);
            }

            if (state == end)
            {
                return (states, task);
            }

            Assert.True(watch.Elapsed < Patience, $"task {id} still {state} after {watch.Elapsed}; saw {string.Join(", ", states)}");
            await Task.Delay(40);
        }
    }
}
