using System.Net;
using System.Text;
using System.Text.Json;

namespace AgentTasks.Tests.Emulator;

/// <summary>A plain HttpClient on the emulator's API, sending what GitHub expects of a client.</summary>
internal sealed class ApiClient : IDisposable
{
    public const string DefaultToken = "ghp_EmulatorTestToken0123456789";

    private readonly HttpClient http;

    public ApiClient(Uri baseUri, string? token = DefaultToken)
    {
        http = new HttpClient { BaseAddress = baseUri };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("AgentTasks.Tests/1.0");
        http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
        if (token is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => http.GetAsync(pathAndQuery);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request);

    public Task<HttpResponseMessage> PostAsync(string path, string json) =>
        http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>GETs and parses a response that must have <paramref name="expected"/> status.</summary>
    public async Task<JsonElement> GetJsonAsync(string pathAndQuery, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await GetAsync(pathAndQuery);
        return await response.JsonAsync(expected);
    }

    /// <summary>Starts a task in octo-org/hello-world (unless told otherwise) and returns its JSON.</summary>
    public async Task<JsonElement> StartAsync(string json, string repository = "octo-org/hello-world")
    {
        using var response = await PostAsync($"agents/repos/{repository}/tasks", json);
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    public void Dispose() => http.Dispose();
}
