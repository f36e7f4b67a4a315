using AgentTasks.Core;

namespace AgentTasks.Tests.Support;

/// <summary>Builds clients for tests: never from the real environment, and with waits that do not wait.</summary>
internal static class Clients
{
    public const string Token = "ghp_SentinelTokenValue0123456789abcdef";

    public static CopilotClientOptions Options(Uri baseUri, string token = Token, RecordingClock? clock = null, List<string>? log = null, HttpClient? http = null)
    {
        var options = new CopilotClientOptions
        {
            BaseUri = baseUri,
            Token = new CopilotToken(token),
            Environment = _ => null,
            Clock = clock ?? new RecordingClock(),
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        if (log is not null)
        {
            options.Log = line => { lock (log) { log.Add(line); } };
        }

        if (http is not null)
        {
            options.HttpClient = http;
        }

        return options;
    }

    public static CopilotTaskClient For(Uri baseUri, string token = Token, RecordingClock? clock = null, List<string>? log = null) =>
        new(Options(baseUri, token, clock, log));

    /// <summary>A client of a stub server; its retry waits pass at once (a stub never needs real time).</summary>
    public static CopilotTaskClient WithStub(StubHandler handler) =>
        new(Options(new Uri("https://api.github.com/"), clock: new RecordingClock(), http: new HttpClient(handler)));

    public static readonly RepositoryName Repo = new("octo-org", "hello-world");
}
