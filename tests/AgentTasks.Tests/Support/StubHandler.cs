using System.Net;
using System.Text;

namespace AgentTasks.Tests.Support;

/// <summary>An HttpMessageHandler that answers from a function and keeps what it was asked, for tests that
/// need a server misbehaving in ways the emulator does not (links to other origins, endless "next").</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> answer;

    public StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) => this.answer = answer;

    public List<HttpRequestMessage> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(answer(request));
    }

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK, string? link = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (link is not null)
        {
            response.Headers.TryAddWithoutValidation("Link", link);
        }

        return response;
    }

    /// <summary>A list envelope of tasks with the given ids.</summary>
    public static string TaskList(params string[] ids) =>
        "{\"tasks\":[" + string.Join(",", ids.Select(id => $"{{\"id\":\"{id}\",\"state\":\"completed\",\"created_at\":\"2025-01-01T00:00:00Z\"}}")) + "]}";
}
