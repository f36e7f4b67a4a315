using System;

namespace AgentTasks.Core.Models;

/// <summary>The current connection as Get-CopilotAgentConnection shows it. Holds no token: only where one would come from.</summary>
public sealed class CopilotAgentConnection
{
    internal CopilotAgentConnection(Uri? baseUri, string apiVersion, string? defaultRepository, string tokenSource)
    {
        BaseUri = baseUri;
        ApiVersion = apiVersion;
        DefaultRepository = defaultRepository;
        TokenSource = tokenSource;
    }

    /// <summary>null when GITHUB_API_URL holds something unusable.</summary>
    public Uri? BaseUri { get; }
    public string ApiVersion { get; }
    public string? DefaultRepository { get; }
    /// <summary><c>Connect-CopilotAgent</c>, <c>GH_TOKEN</c>, <c>GITHUB_TOKEN</c> or <c>none</c>.</summary>
    public string TokenSource { get; }
    public bool HasToken => TokenSource != "none";
}
