using System;
using System.Collections.Generic;
using System.Management.Automation;
using AgentTasks.Core;
using AgentTasks.Core.CmdletSupport;
using AgentTasks.Core.Errors;

namespace AgentTasks.Commands;

/// <summary>Opens tasks' pages on GitHub in the default browser, as <c>gh agent-task view --web</c> does. A piped
/// task's own HtmlUrl is used as it is, so that needs no request; an id alone is read first for its page.</summary>
[Cmdlet(VerbsCommon.Show, "CopilotTask", SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class ShowCopilotTaskCommand : CopilotCmdlet
{
    /// <summary>More pages than this in one call need -Force: a listing piped here by mistake must not open a
    /// hundred tabs. Refused rather than asked, so that a script without a prompt to answer fails the same way.</summary>
    private const int MostPagesWithoutForce = 10;

    private readonly List<(string Id, RepositoryName? Repository, Uri? Page)> tasks = new();
    private readonly HashSet<string> given = new(StringComparer.Ordinal);

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskId")]
    [ValidateTaskId]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>owner/repo, when known: the id is then read from that repository.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [RepositoryTransformation]
    [ArgumentCompleter(typeof(RepositoryCompleter))]
    public RepositoryName? Repository { get; set; }

    /// <summary>A piped task's page; taken only when it is an absolute http(s) address, so that a made-up object
    /// cannot have the shell open a file or a program.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? HtmlUrl { get; set; }

    /// <summary>Open more than <see cref="MostPagesWithoutForce"/> pages in one call.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        // A page belongs to one task: with several ids in one record it would be nobody's.
        var page = Id.Length == 1 ? WebPage.From(HtmlUrl) : null;
        foreach (var id in Id)
        {
            // A task given twice is opened once.
            if (given.Add(id))
            {
                tasks.Add((id, Repository, page));
            }
        }
    }

    protected override void EndProcessing()
    {
        if (tasks.Count > MostPagesWithoutForce && !Force && !WhatIfOnly)
        {
            ThrowTerminatingError(ErrorRecords.From(new ArgumentException(
                $"That would open {tasks.Count} pages in the browser: give -Force to open more than {MostPagesWithoutForce} at once."), null));
        }

        foreach (var (id, repository, known) in tasks)
        {
            var page = known ?? PageOf(id, repository);
            if (page is not null && ShouldProcess(page.AbsoluteUri, "Open in the browser"))
            {
                Open(page, id);
            }
        }
    }

    /// <summary>-WhatIf (given, or $WhatIfPreference): nothing opens, so any number of pages may be listed.</summary>
    private bool WhatIfOnly => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given)
        ? ((SwitchParameter)given).IsPresent
        : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    private Uri? PageOf(string id, RepositoryName? repository)
    {
        try
        {
            var task = Await(Client.GetTaskAsync(id, repository, Cancellation));
            var page = WebPage.From(task.HtmlUrl);
            if (page is null)
            {
                WriteError(ErrorRecords.BrowserUnavailable(id, $"GitHub gave task {id} no web page address (html_url)."));
            }

            return page;
        }
        catch (CopilotException e)
        {
            WriteFailure(e, id);
            return null;
        }
    }

    private void Open(Uri page, string id)
    {
        WriteVerbose($"Opening {page.AbsoluteUri}");
        if (WebPage.Open(page) is { } failure)
        {
            WriteError(ErrorRecords.BrowserUnavailable(id, $"Could not open {page.AbsoluteUri} in a browser: {failure}"));
        }
    }
}
