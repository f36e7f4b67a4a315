using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentTasks.Emulator;

/// <summary>How the emulator reads and writes JSON: snake_case names and GitHub's timestamp format.</summary>
internal static class EmulatorJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // GitHub does not escape characters such as '<' or '+' in its JSON; neither do we.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] ToUtf8(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);

    /// <summary>ISO 8601 in UTC to the second, as GitHub writes it: <c>2025-01-01T00:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
