using System;
using System.Collections.Generic;
using System.Management.Automation;
using AgentTasks.Core;
using AgentTasks.Core.Models;
using AgentTasks.Core.Waiting;

namespace AgentTasks.Commands;

/// <summary>Waits, like Wait-Job, until tasks stop running (leave queued and in_progress), then returns them.
/// Tasks come from the pipeline (objects or ids); the wait starts once all have arrived.</summary>
[Cmdlet(VerbsLifecycle.Wait, "CopilotTask")]
[OutputType(typeof(CopilotTask))]
public sealed class WaitCopilotTaskCommand : TaskWaitingCmdlet
{
    private readonly List<WaitTarget> targets = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskId")]
    [ValidateTaskId]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>owner/repo, when known: tasks of one repository are then polled with one request per round.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [RepositoryTransformation]
    [ArgumentCompleter(typeof(RepositoryCompleter))]
    public RepositoryName? Repository { get; set; }

    /// <summary>When a piped task was last updated: its repository's tasks are then polled with one list request from
    /// the first round, without a GET each to start with.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Return as soon as one task has stopped.</summary>
    [Parameter]
    public SwitchParameter Any { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in Id)
        {
            targets.Add(new WaitTarget(id, Repository, UpdatedAt));
        }
    }

    protected override void EndProcessing()
    {
        if (targets.Count > 0)
        {
            WaitAndWrite(targets, Any);
        }
    }
}
