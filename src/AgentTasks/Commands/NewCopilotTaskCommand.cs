using System;
using System.Collections.Generic;
using System.Management.Automation;
using AgentTasks.Core;
using AgentTasks.Core.CmdletSupport;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Models;
using AgentTasks.Core.Requests;
using AgentTasks.Core.Waiting;

namespace AgentTasks.Commands;

/// <summary>Starts a Copilot cloud agent task per prompt. A start is never retried once it may have reached the
/// server, so a pipeline of prompts never starts a task twice.</summary>
[Cmdlet(VerbsCommon.New, "CopilotTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = RepositorySet)]
[OutputType(typeof(CopilotTask))]
public sealed class NewCopilotTaskCommand : TaskWaitingCmdlet
{
    private const string RepositorySet = "Repository";
    private const string OwnerRepoSet = "OwnerRepo";
    private readonly List<WaitTarget> started = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [PromptTransformation]
    public string Prompt { get; set; } = "";

    /// <summary>owner/repo; default: the repository given to Connect-CopilotAgent.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = RepositorySet)]
    [RepositoryTransformation]
    [ArgumentCompleter(typeof(RepositoryCompleter))]
    public RepositoryName? Repository { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = OwnerRepoSet)]
    [ArgumentCompleter(typeof(OwnerCompleter))]
    public string Owner { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = OwnerRepoSet)]
    public string Repo { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? BaseRef { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? HeadRef { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string? Model { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CustomAgentCompleter))]
    public string? CustomAgent { get; set; }

    /// <summary>From the pipeline, text booleans (a CSV cell) bind too; any other text is that row's error.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTextTransformation]
    public SwitchParameter CreatePullRequest { get; set; }

    /// <summary>Return the tasks once they stop running instead of at once.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    protected override void BeginProcessing()
    {
        if (!Wait && (MyInvocation.BoundParameters.ContainsKey(nameof(Timeout)) || MyInvocation.BoundParameters.ContainsKey(nameof(PollInterval))))
        {
            ThrowTerminatingError(ErrorRecords.From(new ArgumentException("-Timeout and -PollInterval say how to wait: give -Wait too, or leave them out."), null));
        }
    }

    protected override void ProcessRecord()
    {
        var about = $"Task \"{WhatIfText.PromptPreview(Prompt)}\"";
        RepositoryName? repository = null;
        StartTaskRequest request;
        try
        {
            repository = RepositoryName.FromParameters(Repository, Owner, Repo, Connection.DefaultRepository)
                ?? throw new ArgumentException("No repository: give -Repository owner/repo (or -Owner and -Repo), or a default with Connect-CopilotAgent -Repository.");
            request = new StartTaskRequest(Prompt)
            {
                BaseRef = BaseRef,
                HeadRef = HeadRef,
                Model = Model,
                CustomAgent = CustomAgent,
                CreatePullRequest = CreatePullRequest,
            };
            // Checked before ShouldProcess, so that -WhatIf reports it too.
            request.Validate();
        }
        catch (ArgumentException e)
        {
            WriteFailure(e, StartInput.Of(this, repository), about);
            return;
        }

        if (!ShouldProcess(repository.ToString(), WhatIfText.StartTaskAction(request)))
        {
            return;
        }

        try
        {
            var task = Await(Client.StartTaskAsync(repository, request, Cancellation));
            // With -Wait the object comes only at the end: say what started now, in case the wait is interrupted.
            WriteVerbose($"Started task {task.Id} in {repository}: {task.HtmlUrl ?? task.Url}");
            if (Wait)
            {
                // Remembered now, so that a wait stopped by Ctrl+C leaves the task one Tab away (-Id).
                SeenThisSession.Task(task);
                started.Add(new WaitTarget(task.Id, repository, task.UpdatedAt ?? task.CreatedAt));
            }
            else
            {
                WriteTask(task);
            }
        }
        catch (CopilotException e)
        {
            WriteFailure(e, StartInput.Of(this, repository), about);
        }
    }

    protected override void EndProcessing()
    {
        if (started.Count > 0)
        {
            WaitAndWrite(started, any: false);
        }
    }
}
