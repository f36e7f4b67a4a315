using AgentTasks.Core.Models;

namespace AgentTasks.Tests.Core;

public class TaskStatesTests
{
    [Theory]
    [InlineData("queued", CopilotTaskState.Queued)]
    [InlineData("in_progress", CopilotTaskState.InProgress)]
    [InlineData("completed", CopilotTaskState.Completed)]
    [InlineData("failed", CopilotTaskState.Failed)]
    [InlineData("idle", CopilotTaskState.Idle)]
    [InlineData("waiting_for_user", CopilotTaskState.WaitingForUser)]
    [InlineData("timed_out", CopilotTaskState.TimedOut)]
    [InlineData("cancelled", CopilotTaskState.Cancelled)]
    public void WireValuesRoundTrip(string wire, CopilotTaskState state)
    {
        Assert.Equal(state, TaskStates.Parse(wire));
        Assert.Equal(wire, TaskStates.ToWire(state));
    }

    [Theory]
    [InlineData("paused_for_review")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownValuesAreUnknown(string? wire) => Assert.Equal(CopilotTaskState.Unknown, TaskStates.Parse(wire));

    [Fact]
    public void UnknownHasNoWireValue() => Assert.Throws<ArgumentException>(() => TaskStates.ToWire(CopilotTaskState.Unknown));

    [Fact]
    public void OnlyQueuedAndInProgressAreRunning() =>
        Assert.Equal(new[] { CopilotTaskState.Queued, CopilotTaskState.InProgress }, TaskStates.Known.Where(TaskStates.IsRunning));

    [Theory]
    [InlineData("in_progress", CopilotTaskState.InProgress)]
    [InlineData("InProgress", CopilotTaskState.InProgress)]
    [InlineData("IN-PROGRESS", CopilotTaskState.InProgress)]
    [InlineData("waiting_for_user", CopilotTaskState.WaitingForUser)]
    [InlineData(" timedout ", CopilotTaskState.TimedOut)]
    public void StatesAreReadInEitherSpelling(string text, CopilotTaskState expected) =>
        Assert.Equal(expected, TaskStates.ParseUserInput(text));

    [Theory]
    [InlineData("done")]
    [InlineData("unknown")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownStateInputIsRefusedWithTheList(string? text)
    {
        var error = Assert.Throws<ArgumentException>(() => TaskStates.ParseUserInput(text));
        Assert.Contains("waiting_for_user", error.Message);
    }
}
