using System;
using System.Linq;
using System.Management.Automation;
using AgentTasks.Core;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Models;
using AgentTasks.Core.Requests;

namespace AgentTasks.Commands;

/// <summary>Lists the user's tasks across repositories, or one repository's, or gets tasks by id (with their
/// sessions). Pages stream to the pipeline as they arrive; -First stops the requests.</summary>
[Cmdlet(VerbsCommon.Get, "CopilotTask", DefaultParameterSetName = UserSet, SupportsPaging = true)]
[OutputType(typeof(CopilotTask))]
public sealed class GetCopilotTaskCommand : CopilotCmdlet
{
    private const string UserSet = "User";
    private const string RepositorySet = "Repository";
    private const string OwnerRepoSet = "OwnerRepo";
    private const string IdSet = "Id";

    // Allowed null and empty: being mandatory in one set, PowerShell would otherwise refuse the null Repository
    // of piped tasks whose repository is unknown (user listings) before the Id set can treat it as absent.
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = RepositorySet)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [AllowNull]
    [AllowEmptyString]
    [RepositoryTransformation(LeavesTaskIds = true)]
    [ArgumentCompleter(typeof(RepositoryOrTaskIdCompleter))]
    public RepositoryName? Repository { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = OwnerRepoSet)]
    [ArgumentCompleter(typeof(OwnerCompleter))]
    public string Owner { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = OwnerRepoSet)]
    public string Repo { get; set; } = "";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("TaskId")]
    [TaskIdTransformation]
    [ValidateTaskId]
    [ArgumentCompleter(typeof(NamedTaskIdCompleter))]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>One or more states; the API's spelling (in_progress) and the enum's (InProgress) both work, bound as
    /// the API's spelling. Strings, not the enum: PowerShell completes an enum parameter with the enum's names and never
    /// asks the completer, which offers the API's spelling and leaves out Unknown (no filter).</summary>
    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = RepositorySet)]
    [Parameter(ParameterSetName = OwnerRepoSet)]
    [TaskStateTransformation]
    [ArgumentCompleter(typeof(TaskStateCompleter))]
    public string[]? State { get; set; }

    /// <summary>Only tasks updated at or after this time.</summary>
    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = RepositorySet)]
    [Parameter(ParameterSetName = OwnerRepoSet)]
    public DateTimeOffset? Since { get; set; }

    /// <summary>Only archived tasks (the API lists either archived or non-archived tasks, never both).</summary>
    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = RepositorySet)]
    [Parameter(ParameterSetName = OwnerRepoSet)]
    public SwitchParameter Archived { get; set; }

    /// <summary>Only a repository's listing filters by creator; in the User set it is refused with that reason.</summary>
    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = RepositorySet)]
    [Parameter(ParameterSetName = OwnerRepoSet)]
    [ValidateRange(1L, long.MaxValue)]
    public long[]? CreatorId { get; set; }

    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = RepositorySet)]
    [Parameter(ParameterSetName = OwnerRepoSet)]
    [SortFieldTransformation]
    public TaskSortField? Sort { get; set; }

    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = RepositorySet)]
    [Parameter(ParameterSetName = OwnerRepoSet)]
    public SortDirection? Direction { get; set; }

    /// <summary>Tasks per request, 1 to 100. Default: just enough for -First, else 100.</summary>
    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = RepositorySet)]
    [Parameter(ParameterSetName = OwnerRepoSet)]
    [ValidateRange(InputValidator.MinPageSize, InputValidator.MaxPageSize)]
    public int? PageSize { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            UnparsedRepository.ThrowIfStandIn(Repository);
        }
        catch (ArgumentException e)
        {
            // From the pipeline (a row's Repository column), that row's error; given by name, the command's.
            if (ParameterSetName != IdSet)
            {
                Refuse(ErrorRecords.MessageOf(e));
            }

            WriteFailure(e, Id.Length == 1 ? Id[0] : null);
            return;
        }

        if (ParameterSetName == IdSet)
        {
            GetById();
        }
        else
        {
            List();
        }
    }

    private void GetById()
    {
        if (PagingParameters.First != ulong.MaxValue || PagingParameters.Skip != 0 || PagingParameters.IncludeTotalCount)
        {
            Refuse("-First, -Skip and -IncludeTotalCount page a listing; with -Id each task is asked for by its id. Leave them out, or list with -Repository.");
        }

        foreach (var id in Id)
        {
            try
            {
                WriteTask(Await(Client.GetTaskAsync(id, Repository, Cancellation)));
            }
            catch (CopilotException e)
            {
                WriteFailure(e, id);
            }
        }
    }

    private void List()
    {
        if (ParameterSetName == RepositorySet && Repository is null)
        {
            Refuse("-Repository is empty: expected 'owner/repo'. Leave it out to list your tasks across repositories.");
        }

        if (ParameterSetName == UserSet && CreatorId is { Length: > 0 })
        {
            Refuse("-CreatorId filters one repository's tasks: give -Repository owner/repo (or -Owner and -Repo) too.");
        }

        RepositoryName? repository = null;
        TaskListing listing;
        try
        {
            repository = RepositoryName.FromParameters(Repository, Owner, Repo, fallback: null);
            listing = repository is null
                ? Client.ListUserTasks(Filtered(new UserTaskQuery()))
                : Client.ListRepositoryTasks(repository, Filtered(new RepositoryTaskQuery { CreatorIds = CreatorId }));
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, repository?.ToString()));
            return;
        }

        var progress = new ListingProgress(this);
        try
        {
            var first = true;
            for (var tasks = Await(listing.NextPageAsync(Cancellation)); tasks is not null; tasks = Await(listing.NextPageAsync(Cancellation)))
            {
                // PowerShell's convention: the total count comes first, then the objects.
                if (first && PagingParameters.IncludeTotalCount)
                {
                    var total = listing.TotalCount;
                    WriteObject(PagingParameters.NewTotalCount((ulong)(total ?? 0), total is null ? 0.0 : 1.0));
                }
                first = false;
                WriteTasks(tasks);

                progress.Page(listing);
            }
        }
        catch (CopilotException e)
        {
            progress.Done();
            WriteFailure(e, repository?.ToString());
        }

        progress.Done();
    }

    private void Refuse(string reason) => ThrowTerminatingError(ErrorRecords.From(new ArgumentException(reason), null));

    private T Filtered<T>(T query) where T : TaskQuery
    {
        query.States = State?.Select(TaskStates.Parse).ToArray();
        query.Since = Since;
        query.Archived = Archived.IsPresent ? true : null;
        query.Sort = Sort;
        query.Direction = Direction;
        query.PageSize = PageSize;
        query.Skip = PagingParameters.Skip;
        query.First = PagingParameters.First == ulong.MaxValue ? null : PagingParameters.First;
        return query;
    }
}
