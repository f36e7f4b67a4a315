using System.Text.RegularExpressions;

namespace AgentTasks.Core.CmdletSupport;

/// <summary>What -WhatIf and -Confirm say, and how a prompt is named in messages: one line, cut short.</summary>
internal static class WhatIfText
{
    public const int PromptPreviewLength = 60;
    private static readonly Regex WhiteSpace = new(@"\s+", RegexOptions.CultureInvariant);

    /// <summary>The start of a prompt on one line, with an ellipsis when it was cut.</summary>
    public static string PromptPreview(string? prompt)
    {
        var line = WhiteSpace.Replace(prompt ?? "", " ").Trim();
        return line.Length <= PromptPreviewLength ? line : line.Substring(0, PromptPreviewLength).TrimEnd() + "…";
    }

    /// <summary>The ShouldProcess action for starting a task; the target is the repository.</summary>
    public static string StartTaskAction(string? prompt) => $"Start a Copilot task with prompt \"{PromptPreview(prompt)}\"";
}
