using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace AgentTasks.Tests.Emulator;

internal static partial class ResponseExtensions
{
    /// <summary>The body as JSON, after checking the status (the body is in the failure message).</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new XunitException($"no {name} header");

    /// <summary>The <c>Link</c> header as rel → URL, in the order given.</summary>
    public static IReadOnlyDictionary<string, string> Links(this HttpResponseMessage response) =>
        LinkEntry().Matches(response.Header("Link")).ToDictionary(m => m.Groups["rel"].Value, m => m.Groups["url"].Value);

    public static string[] Ids(this JsonElement list) =>
        [.. list.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];

    [GeneratedRegex("<(?<url>[^>]+)>; rel=\"(?<rel>[a-z]+)\"")]
    private static partial Regex LinkEntry();
}
