using System;

namespace AgentTasks.Core.CmdletSupport;

/// <summary>The yes-or-no words a CSV file or a person writes.</summary>
internal static class BooleanText
{
    private static readonly string[] Yes = { "true", "yes", "y", "1", "$true" };
    private static readonly string[] No = { "false", "no", "n", "0", "$false", "" };

    public static bool TryParse(string? text, out bool value)
    {
        var word = (text ?? "").Trim();
        value = Array.Exists(Yes, y => string.Equals(y, word, StringComparison.OrdinalIgnoreCase));
        return value || Array.Exists(No, n => string.Equals(n, word, StringComparison.OrdinalIgnoreCase));
    }
}
