using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>The token travels in the Authorization header and nowhere else: not in what the server saw
/// besides that header, not in log lines, exceptions or object dumps.</summary>
public class SecretTests : AgentTasks.Tests.Emulator.EmulatorTestBase
{

    public SecretTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task TheTokenAppearsNowhereButTheAuthorizationHeader()
    {
        var log = new List<string>();
        var client = Clients.For(Emulator.BaseUri, log: log);
        var errors = new List<Exception>();

        var task = await client.StartTaskAsync(Clients.Repo, new StartTaskRequest("Secret test"));
        await client.GetTaskAsync(task.Id, Clients.Repo);
        await client.GetTaskAsync(task.Id);
        await client.ListRepositoryTasks(Clients.Repo, new RepositoryTaskQuery { PageSize = 1 }).NextPageAsync();
        await client.ListUserTasks().NextPageAsync();
        foreach (var status in new[] { 401, 403, 404, 422, 500 })
        {
            await Control.AddFaultAsync("status", status: status, count: 5);
            errors.Add(await Assert.ThrowsAnyAsync<CopilotException>(() => client.GetTaskAsync(task.Id)));
            await Control.ClearFaultsAsync();
        }

        var requests = await Control.RequestsAsync();
        var expectedHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Clients.Token)));
        Assert.All(requests, r => Assert.Equal(expectedHash, r.AuthSha256, ignoreCase: true));
        var seenByServer = JsonSerializer.Serialize(requests);
        Assert.DoesNotContain(Clients.Token, seenByServer);
        Assert.All(log, line => Assert.DoesNotContain(Clients.Token, line));
        Assert.NotEmpty(log);
        Assert.All(errors, e => Assert.DoesNotContain(Clients.Token, e.ToString()));
        Assert.DoesNotContain(Clients.Token, JsonSerializer.Serialize(task));
        Assert.DoesNotContain(Clients.Token, client.TokenSource + client.ToString());
    }

    [Fact]
    public async Task LogLinesSayWhatHappenedWithoutSecrets()
    {
        var log = new List<string>();
        await Control.AddFaultAsync("status", status: 503);
        await Clients.For(Emulator.BaseUri, log: log).ListUserTasks().NextPageAsync();
        Assert.Contains(log, line => line.Contains("GET") && line.Contains("-> 503") && line.Contains("request id"));
        Assert.Contains(log, line => line.Contains("retrying in"));
        Assert.Contains(log, line => line.Contains("-> 200") && line.Contains("rate limit remaining"));
    }
}
