using System;
using System.Collections.Generic;
using System.Linq;

namespace AgentTasks.Core.Models;

/// <summary>Conversions between <see cref="CopilotTaskState"/> and the API's snake_case values, and what each state means.</summary>
internal static class TaskStates
{
    private static readonly Dictionary<CopilotTaskState, string> WireNames = new()
    {
        [CopilotTaskState.Queued] = "queued",
        [CopilotTaskState.InProgress] = "in_progress",
        [CopilotTaskState.Completed] = "completed",
        [CopilotTaskState.Failed] = "failed",
        [CopilotTaskState.Idle] = "idle",
        [CopilotTaskState.WaitingForUser] = "waiting_for_user",
        [CopilotTaskState.TimedOut] = "timed_out",
        [CopilotTaskState.Cancelled] = "cancelled",
    };

    private static readonly Dictionary<string, CopilotTaskState> ByWireName =
        WireNames.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The eight states the API documents, in its order.</summary>
    public static IReadOnlyList<CopilotTaskState> Known { get; } = WireNames.Keys.ToArray();

    /// <summary>Reads a wire value; anything unrecognised (or absent) is <see cref="CopilotTaskState.Unknown"/>.</summary>
    public static CopilotTaskState Parse(string? value) =>
        value is not null && ByWireName.TryGetValue(value, out var state) ? state : CopilotTaskState.Unknown;

    /// <summary>Reads a state typed by a person: the API's value (<c>in_progress</c>) or the enum's name
    /// (<c>InProgress</c>), in any case, with '_' or '-' or neither. Anything else fails with the list of states.</summary>
    public static CopilotTaskState ParseUserInput(string? text)
    {
        var squeezed = (text ?? "").Replace("_", "").Replace("-", "").Trim();
        foreach (var state in Known)
        {
            if (string.Equals(state.ToString(), squeezed, StringComparison.OrdinalIgnoreCase))
            {
                return state;
            }
        }
        throw new ArgumentException($"'{text}' is not a task state: expected one of {string.Join(", ", WireNames.Values)}.", nameof(text));
    }

    /// <summary>The wire value of a known state.</summary>
    public static string ToWire(CopilotTaskState state) =>
        WireNames.TryGetValue(state, out var name)
            ? name
            : throw new ArgumentException($"'{state}' is not a state the API knows; expected one of {string.Join(", ", Known)}.", nameof(state));

    /// <summary>Still running: the task has not stopped yet (queued or in progress).</summary>
    public static bool IsRunning(CopilotTaskState state) =>
        state is CopilotTaskState.Queued or CopilotTaskState.InProgress;
}
