using System.Net;
using System.Net.Sockets;
using System.Text;
using AgentTasks.Core;
using AgentTasks.Core.Errors;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>The real shared HttpClient does not follow redirects: a 301 to another host must not carry the token there.</summary>
public class RedirectTests
{
    [Fact]
    public async Task ARedirectToAnotherHostIsReportedAndNeverFollowed()
    {
        using var elsewhere = new TcpListener(IPAddress.Loopback, 0);
        using var redirecting = new TcpListener(IPAddress.Loopback, 0);
        elsewhere.Start();
        redirecting.Start();
        var elsewherePort = ((IPEndPoint)elsewhere.LocalEndpoint).Port;
        var answered = AnswerOnce(redirecting, $"HTTP/1.1 301 Moved Permanently\r\nLocation: http://localhost:{elsewherePort}/agents/tasks\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        var options = Clients.Options(new Uri($"http://127.0.0.1:{((IPEndPoint)redirecting.LocalEndpoint).Port}/"));
        options.HttpClient = null;
        var error = await Assert.ThrowsAsync<CopilotServerException>(() => new CopilotTaskClient(options).ListUserTasks().NextPageAsync());

        Assert.Equal(301, error.StatusCode);
        Assert.Contains("Bearer " + Clients.Token, await answered);
        await Task.Delay(200);
        Assert.False(elsewhere.Pending(), "the redirect was followed to the other host");
    }

    /// <summary>Accepts one connection, reads the request head, sends the canned answer, and returns what it read.</summary>
    private static async Task<string> AnswerOnce(TcpListener listener, string response)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[8192];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n"))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        return request.ToString();
    }
}
