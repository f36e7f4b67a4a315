using System.Text.Json;

namespace AgentTasks.Tests.Support;

/// <summary>The JSON response examples embedded in GitHub's reference page (../shared/seeds/002_*.txt),
/// cut out by brace matching, in the order the page shows them. Request bodies (no "id", no "tasks") are left out.</summary>
public static class SeedPayloads
{
    public static IReadOnlyList<string> All { get; } = Extract(File.ReadAllText(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "002_*.txt").Single()));

    public static string ListForRepository => All[0];
    public static string Created => All[1];
    public static string GetByRepository => All[2];
    public static string ListForUser => All[3];
    public static string GetById => All[4];

    private static List<string> Extract(string text)
    {
        var found = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '{' || !text.Substring(i + 1).TrimStart().StartsWith('"'))
            {
                continue;
            }

            var depth = 0;
            for (var j = i; j < text.Length; j++)
            {
                depth += text[j] == '{' ? 1 : text[j] == '}' ? -1 : 0;
                if (depth != 0)
                {
                    continue;
                }

                var candidate = text.Substring(i, j - i + 1);
                using (var document = JsonDocument.Parse(candidate))
                {
                    if (document.RootElement.TryGetProperty("id", out _) || document.RootElement.TryGetProperty("tasks", out _))
                    {
                        found.Add(candidate);
                    }
                }
                i = j;
                break;
            }
        }
        return found;
    }
}
