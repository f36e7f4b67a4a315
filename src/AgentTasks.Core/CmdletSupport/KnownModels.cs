using System.Collections.Generic;

namespace AgentTasks.Core.CmdletSupport;

/// <summary>Models GitHub has documented for tasks, offered as completions only: the set changes with time,
/// plan and policy, so any other name is passed through untouched.</summary>
internal static class KnownModels
{
    public static IReadOnlyList<string> All { get; } = new[]
    {
        "claude-sonnet-4.6",
        "claude-opus-4.6",
        "gpt-5.2-codex",
        "gpt-5.3-codex",
        "gpt-5.4",
        "claude-sonnet-4.5",
        "claude-opus-4.5",
    };
}
