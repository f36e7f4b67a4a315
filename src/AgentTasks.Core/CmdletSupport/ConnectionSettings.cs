using System;
using AgentTasks.Core.Models;

namespace AgentTasks.Core.CmdletSupport;

/// <summary>What Connect-CopilotAgent keeps for a runspace: a token, the API's base URI and version, and a
/// default repository. Empty settings fall back to the environment (GH_TOKEN, GITHUB_TOKEN, GITHUB_API_URL).</summary>
internal sealed class ConnectionSettings
{
    private string? apiVersion;

    public CopilotToken? Token { get; set; }
    public Uri? BaseUri { get; set; }
    /// <summary>Checked when kept, so that Connect-CopilotAgent refuses what the first call could not send.</summary>
    public string? ApiVersion
    {
        get => apiVersion;
        set => apiVersion = value is null ? null : InputValidator.ApiVersion(value);
    }

    public RepositoryName? DefaultRepository { get; set; }
    public TimeSpan? RequestTimeout { get; set; }
    public TimeSpan? OperationTimeout { get; set; }
    /// <summary>Shared by every command of the connection, so that polling a task in a loop costs 304s, not rate limit.</summary>
    public ResponseCache Cache { get; } = new();

    /// <summary>Client options for one call: a token or timeout given to the call wins over the connection's, which
    /// wins over the environment and the defaults.</summary>
    public CopilotClientOptions ToClientOptions(CopilotToken? callToken, TimeSpan? requestTimeout = null, TimeSpan? operationTimeout = null) => new()
    {
        Token = callToken ?? Token,
        BaseUri = BaseUri,
        ApiVersion = ApiVersion ?? CopilotClientOptions.DefaultApiVersion,
        RequestTimeout = requestTimeout ?? RequestTimeout ?? CopilotClientOptions.DefaultRequestTimeout,
        OperationTimeout = operationTimeout ?? OperationTimeout ?? CopilotClientOptions.DefaultOperationTimeout,
        Cache = Cache,
    };

    /// <summary>What the connection looks like, without the token, resolving the environment as a call would.</summary>
    public CopilotAgentConnection Describe(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string tokenSource;
        try
        {
            tokenSource = TokenResolver.Resolve(Token, environment).Source;
        }
        catch (Exception e) when (e is Errors.CopilotConfigurationException or ArgumentException)
        {
            // Missing, or in GH_TOKEN/GITHUB_TOKEN but unusable (a line break, non-ASCII): no call will have a token.
            tokenSource = "none";
        }
        Uri? baseUri;
        try
        {
            baseUri = ApiBaseUri.Resolve(BaseUri, environment);
        }
        catch (Errors.CopilotConfigurationException)
        {
            baseUri = null;
        }
        return new CopilotAgentConnection(baseUri, ApiVersion ?? CopilotClientOptions.DefaultApiVersion, DefaultRepository?.ToString(), tokenSource);
    }
}
