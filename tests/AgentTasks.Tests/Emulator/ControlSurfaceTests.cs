using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Emulator;

/// <summary>The <c>/_emulator/</c> surface: the request log, reset and seeding.</summary>
public class ControlSurfaceTests(EmulatorFixture emulator) : EmulatorTestBase(emulator)
{
    [Fact]
    public async Task TheRequestLogKeepsEverythingButTheToken()
    {
        await Api.GetJsonAsync("agents/tasks?per_page=5&state=queued");
        await Api.StartAsync("""{"prompt":"logged"}""");

        var log = await Control.RequestsAsync();

        Assert.Equal(2, log.Count);
        var get = log[0];
        Assert.Equal(("GET", "/agents/tasks", "?per_page=5&state=queued", null, 200, null), (get.Method, get.Path, get.Query, get.Body, get.Status, get.Fault));
        Assert.Equal("Bearer [redacted]", get.Headers["authorization"]);
        Assert.Equal("AgentTasks.Tests/1.0", get.Headers["user-agent"]);
        Assert.All(get.Headers.Keys, name => Assert.Equal(name.ToLowerInvariant(), name));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiClient.DefaultToken))), get.AuthSha256);
        Assert.DoesNotContain(log.SelectMany(r => r.Headers.Values), value => value.Contains(ApiClient.DefaultToken));
        Assert.Equal(("POST", """{"prompt":"logged"}""", 201, ""), (log[1].Method, log[1].Body, log[1].Status, log[1].Query));
    }

    [Fact]
    public async Task ARequestWithoutATokenIsLoggedWithoutAHash()
    {
        using var anonymous = new ApiClient(Emulator.BaseUri, token: null);
        await anonymous.GetJsonAsync("agents/tasks", HttpStatusCode.Unauthorized);

        var logged = Assert.Single(await Control.RequestsAsync());
        Assert.Equal((401, null), (logged.Status, logged.AuthSha256));
        Assert.False(logged.Headers.ContainsKey("authorization"));
    }

    [Fact]
    public async Task ResetForgetsTasksFaultsAndTheLog()
    {
        await Control.SeedAsync("octo-org", "hello-world", 2);
        await Api.GetJsonAsync("agents/tasks");
        await Control.AddFaultAsync("status", status: 500, count: 5);

        await Control.ResetAsync();

        Assert.Empty(await Control.RequestsAsync());
        Assert.Empty((await Api.GetJsonAsync("agents/tasks")).Ids());
        Assert.Equal(200, Assert.Single(await Control.RequestsAsync()).Status);
    }

    [Fact]
    public async Task SeededTasksAreFrozenOneMinuteApartNewestLast()
    {
        var ids = await Control.SeedAsync("octo-org", "hello-world", 3, state: "in_progress", creatorId: 9, prompt: "Seeded prompt");

        var tasks = new List<JsonElement>();
        foreach (var id in ids)
        {
            tasks.Add(await Api.GetJsonAsync($"agents/repos/octo-org/hello-world/tasks/{id}"));
        }

        var created = tasks.Select(t => DateTimeOffset.Parse(t.GetProperty("created_at").GetString()!)).ToList();
        Assert.Equal(TimeSpan.FromMinutes(1), created[1] - created[0]);
        Assert.Equal(TimeSpan.FromMinutes(1), created[2] - created[1]);
        Assert.True(created[2] < DateTimeOffset.UtcNow);
        Assert.All(tasks, task =>
        {
            Assert.Equal("in_progress", task.GetProperty("state").GetString());
            Assert.Equal(9, task.GetProperty("creator").GetProperty("id").GetInt64());
            Assert.Equal("Seeded prompt", task.GetProperty("name").GetString());
        });
    }

    [Fact]
    public async Task BadArrangementsAreRefusedWithAReason()
    {
        var badState = await Assert.ThrowsAsync<InvalidOperationException>(() => Control.SeedAsync("octo-org", "hello-world", 1, state: "done"));
        var badKind = await Assert.ThrowsAsync<InvalidOperationException>(() => Control.AddFaultAsync("explode"));
        var unknownTask = await Assert.ThrowsAsync<InvalidOperationException>(() => Control.SetStateAsync(Guid.NewGuid().ToString(), "failed"));

        Assert.Contains("state must be one of", badState.Message);
        Assert.Contains("kind must be one of", badKind.Message);
        Assert.Contains(((int)HttpStatusCode.NotFound).ToString(), unknownTask.Message);
    }

    [Fact]
    public async Task ControlBodiesAreReadAsJsonWhateverTheContentType()
    {
        using var http = new HttpClient();
        var form = new StringContent("""{"owner":"octo-org","repo":"hello-world","count":2}""", Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await http.PostAsync(new Uri(Emulator.BaseUri, "_emulator/seed"), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await Api.GetJsonAsync("agents/tasks")).Ids().Count());
    }
}
