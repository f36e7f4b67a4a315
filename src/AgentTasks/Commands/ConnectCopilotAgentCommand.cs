using System;
using System.Management.Automation;
using AgentTasks.Core;
using AgentTasks.Core.CmdletSupport;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Models;

namespace AgentTasks.Commands;

/// <summary>Keeps a token, the API's base URI and version, and a default repository for this runspace. Nothing
/// is written to disk and no request is made: the first call tells whether the token works.</summary>
[Cmdlet(VerbsCommunications.Connect, "CopilotAgent")]
[OutputType(typeof(CopilotAgentConnection))]
public sealed class ConnectCopilotAgentCommand : CopilotCmdlet
{
    /// <summary>The API root, e.g. https://HOST/api/v3 for GitHub Enterprise Server. Default: GITHUB_API_URL, else https://api.github.com.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    [Parameter]
    [ValidateApiVersion]
    public string? ApiVersion { get; set; }

    /// <summary>The repository New-CopilotTask uses when none is given.</summary>
    [Parameter]
    [RepositoryTransformation]
    [ArgumentCompleter(typeof(RepositoryCompleter))]
    public RepositoryName? Repository { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        // What is not given is kept from the current connection, so that changing only the default repository
        // neither drops the token nor falls back to api.github.com. Disconnect-CopilotAgent starts afresh.
        var current = Connection;
        ConnectionSettings settings;
        try
        {
            settings = new ConnectionSettings
            {
                Token = Token is null ? current.Token : CopilotToken.FromSecureString(Token, "Connect-CopilotAgent"),
                BaseUri = BaseUri is null ? current.BaseUri : ApiBaseUri.Validate(BaseUri),
                ApiVersion = ApiVersion ?? current.ApiVersion,
                DefaultRepository = Repository ?? current.DefaultRepository,
                RequestTimeout = Seconds(RequestTimeoutSeconds) ?? current.RequestTimeout,
                OperationTimeout = Seconds(OperationTimeoutSeconds) ?? current.OperationTimeout,
            };
        }
        catch (Exception e) when (e is CopilotException or ArgumentException)
        {
            // Nothing is kept: the previous connection stays as it was.
            ThrowTerminatingError(ErrorRecords.From(e, BaseUri is null ? null : ApiBaseUri.Redacted(BaseUri)));
            return;
        }
        ConnectionStore.Replace(SessionState, settings);
        if (settings.DefaultRepository is { } repository)
        {
            SeenThisSession.Repository(repository);
        }

        var info = settings.Describe();
        if (!info.HasToken)
        {
            WriteWarning("No token: pass -Token, or set GH_TOKEN or GITHUB_TOKEN before calling the other cmdlets.");
        }

        if (PassThru)
        {
            WriteObject(info);
        }
    }
}
