using System.Text.RegularExpressions;

namespace AgentTasks.Emulator.Tasks;

/// <summary>The durations new tasks are scheduled with; changing them leaves existing tasks alone.</summary>
internal sealed partial record Lifecycle(TimeSpan QueuedFor, TimeSpan RunningFor, double TimeScale)
{
    /// <summary>A century: longer than any test or demo, and far from the largest date.</summary>
    private static readonly TimeSpan Forever = TimeSpan.FromDays(36500);

    public static Lifecycle From(EmulatorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueuedFor, TimeSpan.Zero, nameof(options.QueuedFor));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RunningFor, TimeSpan.Zero, nameof(options.RunningFor));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.TimeScale, nameof(options.TimeScale));
        return new Lifecycle(options.QueuedFor, options.RunningFor, options.TimeScale);
    }

    public TaskTimeline Schedule(DateTimeOffset createdAt, string prompt)
    {
        var startsAt = createdAt + RealTime(QueuedFor);
        var endsAt = startsAt + RealTime(RunningFor);
        return new ScheduledTimeline(createdAt, startsAt, endsAt, EndingOf(prompt));
    }

    /// <summary>An emulator-time span in real time; a huge duration or a tiny scale is capped rather than overflowing.</summary>
    private TimeSpan RealTime(TimeSpan emulatorTime)
    {
        var ticks = emulatorTime.Ticks / TimeScale;
        return ticks < Forever.Ticks ? TimeSpan.FromTicks((long)ticks) : Forever;
    }

    /// <summary>A prompt chooses its task's ending with <c>[end:STATE]</c>; unknown states are ignored.</summary>
    private static string EndingOf(string prompt)
    {
        var match = EndMarker().Match(prompt);
        return match.Success && StateNames.IsKnown(match.Groups["state"].Value)
            ? match.Groups["state"].Value
            : StateNames.Completed;
    }

    [GeneratedRegex(@"\[end:(?<state>[a-z_]+)\]")]
    private static partial Regex EndMarker();
}
