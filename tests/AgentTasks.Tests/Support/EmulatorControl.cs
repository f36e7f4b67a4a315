using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentTasks.Tests.Support;

/// <summary>A typed client of the emulator's <c>/_emulator/</c> control surface, with its own HttpClient.</summary>
public sealed class EmulatorControl : IDisposable
{
    private readonly HttpClient http;

    public EmulatorControl(Uri baseUri) => http = new HttpClient { BaseAddress = baseUri };

    /// <summary>Forgets tasks, faults and the request log, and restores the clock the emulator started with.</summary>
    public Task ResetAsync() => PostAsync("_emulator/reset", null);

    /// <summary>Adds <paramref name="count"/> tasks frozen in <paramref name="state"/> (default completed); returns their ids, oldest first.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(
        string owner, string repo, int count, string? state = null, bool archived = false, long? creatorId = null, string? prompt = null)
    {
        var body = new JsonObject { ["owner"] = owner, ["repo"] = repo, ["count"] = count, ["archived"] = archived };
        AddIfSet(body, "state", state);
        AddIfSet(body, "creator_id", creatorId);
        AddIfSet(body, "prompt", prompt);
        using var document = JsonDocument.Parse(await PostAsync("_emulator/seed", body));
        return [.. document.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];
    }

    /// <summary>Freezes the task in <paramref name="state"/>.</summary>
    public Task SetStateAsync(string taskId, string state) =>
        PostAsync($"_emulator/tasks/{Uri.EscapeDataString(taskId)}/state", new JsonObject { ["state"] = state });

    public Task AddFaultAsync(
        string kind, int? status = null, int? retryAfter = null, int? delayMs = null, int? count = null, int? percent = null,
        string? method = null, string? pathPrefix = null, string? body = null, string? contentType = null)
    {
        var fault = new JsonObject { ["kind"] = kind };
        AddIfSet(fault, "status", status);
        AddIfSet(fault, "retry_after", retryAfter);
        AddIfSet(fault, "delay_ms", delayMs);
        AddIfSet(fault, "count", count);
        AddIfSet(fault, "percent", percent);
        AddIfSet(fault, "method", method);
        AddIfSet(fault, "path_prefix", pathPrefix);
        AddIfSet(fault, "body", body);
        AddIfSet(fault, "content_type", contentType);
        return PostAsync("_emulator/faults", fault);
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await http.DeleteAsync("_emulator/faults");
        await EnsureSuccessAsync(response);
    }

    /// <summary>Every API request the emulator received since the last reset, in arrival order.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> RequestsAsync()
    {
        using var response = await http.GetAsync("_emulator/requests");
        await EnsureSuccessAsync(response);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("requests").EnumerateArray().Select(Recorded)];
    }

    /// <summary>Changes how long tasks started from now on stay queued and running.</summary>
    public Task SetClockAsync(double? queuedSeconds = null, double? runningSeconds = null, double? timeScale = null)
    {
        var body = new JsonObject();
        AddIfSet(body, "queued_seconds", queuedSeconds);
        AddIfSet(body, "running_seconds", runningSeconds);
        AddIfSet(body, "time_scale", timeScale);
        return PostAsync("_emulator/clock", body);
    }

    public void Dispose() => http.Dispose();

    private async Task<string> PostAsync(string path, JsonNode? body)
    {
        using var content = body is null ? null : JsonContent.Create(body);
        using var response = await http.PostAsync(path, content);
        await EnsureSuccessAsync(response);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Fails with the emulator's own message, which says what was wrong with the arrangement.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var message = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {message}");
        }
    }

    private static void AddIfSet<T>(JsonObject body, string name, T? value)
    {
        if (value is not null)
        {
            body[name] = JsonValue.Create(value);
        }
    }

    private static RecordedRequest Recorded(JsonElement request) => new(
        request.GetProperty("method").GetString()!,
        request.GetProperty("path").GetString()!,
        request.GetProperty("query").GetString()!,
        request.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString()!),
        request.GetProperty("body").GetString(),
        request.GetProperty("status").GetInt32(),
        request.GetProperty("fault").GetString(),
        request.GetProperty("auth_sha256").GetString(),
        request.GetProperty("in_flight_on_arrival").GetInt32());
}

/// <summary>One API request as the emulator logged it: <see cref="Status"/> 0 when dropped, the token only as its SHA-256,
/// and how many other requests were in flight when it arrived.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    int Status,
    string? Fault,
    string? AuthSha256,
    int InFlightOnArrival);
