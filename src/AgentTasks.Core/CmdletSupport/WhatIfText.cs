using System.Text;
using System.Text.RegularExpressions;
using AgentTasks.Core.Requests;

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

    /// <summary>The ShouldProcess action for starting a task, with every choice the start makes; the target is the
    /// repository.</summary>
    public static string StartTaskAction(StartTaskRequest request)
    {
        var text = new StringBuilder($"Start a Copilot task with prompt \"{PromptPreview(request.Prompt)}\"");
        Add(text, "model", request.Model);
        Add(text, "base ref", request.BaseRef);
        Add(text, "head ref", request.HeadRef);
        Add(text, "custom agent", request.CustomAgent);
        if (request.CreatePullRequest)
        {
            text.Append(", opening a pull request");
        }

        return text.ToString();
    }

    private static void Add(StringBuilder text, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append(", ").Append(name).Append(' ').Append(value);
        }
    }
}
