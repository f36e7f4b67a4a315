using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Http;
using AgentTasks.Core.Models;
using AgentTasks.Core.Requests;
using AgentTasks.Core.Wire;

namespace AgentTasks.Core;

/// <summary>The five operations of GitHub's agent tasks API. One client has one token and one base URI,
/// both checked when it is made, before any request. Safe to use from several threads.</summary>
public sealed class CopilotTaskClient
{
    private readonly ApiSender sender;
    private readonly IClock clock;
    private readonly StartPacer? pacer;
    private readonly StartRecovery recovery;
    private readonly RepositoryNamer namer;
    private readonly Action<string>? warn;

    public CopilotTaskClient(CopilotClientOptions? options = null)
    {
        options ??= new CopilotClientOptions();
        var apiVersion = InputValidator.ApiVersion(options.ApiVersion);
        if (options.RequestTimeout <= TimeSpan.Zero || options.OperationTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("The request and operation timeouts must be positive.", nameof(options));
        }

        BaseUri = ApiBaseUri.Resolve(options.BaseUri, options.Environment);
        var token = TokenResolver.Resolve(options.Token, options.Environment);
        TokenSource = token.Source;
        ApiVersion = apiVersion;
        var cache = options.Cache ?? new ResponseCache();
        sender = new ApiSender(options.HttpClient ?? SharedHttpClient.Instance, token, ApiVersion, options, cache);
        namer = new RepositoryNamer(sender, BaseUri, cache, token, options.Log);
        clock = options.Clock;
        pacer = options.Pacer ?? (BaseUri.IsLoopback ? null : StartPacer.Shared);
        warn = options.Warning;
        recovery = new StartRecovery(this);
    }

    public Uri BaseUri { get; }
    public string ApiVersion { get; }
    /// <summary>Where the token came from (explicit, GH_TOKEN, GITHUB_TOKEN), never the token.</summary>
    public string TokenSource { get; }

    /// <summary>POST /agents/repos/{owner}/{repo}/tasks, paced within GitHub's limits for content creation. Never
    /// repeated once it may have reached the server: when the answer leaves that open, the task is looked for and
    /// returned if found (with a warning), else <see cref="CopilotStartUnconfirmedException"/> says so.</summary>
    public async Task<CopilotTask> StartTaskAsync(RepositoryName repository, StartTaskRequest request, CancellationToken cancellationToken = default)
    {
        if (repository is null)
        {
            throw new ArgumentNullException(nameof(repository));
        }

        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        request.Validate();
        var body = new StartTaskBodyDto
        {
            Prompt = request.Prompt,
            Model = NullIfEmpty(request.Model),
            CustomAgent = NullIfEmpty(request.CustomAgent),
            CreatePullRequest = request.CreatePullRequest ? true : null,
            BaseRef = NullIfEmpty(request.BaseRef),
            HeadRef = NullIfEmpty(request.HeadRef),
        };
        var call = new ApiCall(HttpMethod.Post, Endpoint(repository), repository.ToString(), taskScoped: false, WireJson.Write(body));
        await WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
        var asked = clock.UtcNow;
        try
        {
            var result = await sender.SendAsync(call, WireJson.ReadTask, cancellationToken).ConfigureAwait(false);
            var task = TaskMapper.ToTask(result.Value, repository);
            recovery.Returned(task);
            return task;
        }
        catch (CopilotException e) when (e.MayHaveActed)
        {
            var task = await recovery.RecoverAsync(repository, request, asked, e, cancellationToken).ConfigureAwait(false);
            warn?.Invoke($"Task {task.Id} in {repository} was started, though its answer was unclear ({e.Message.TrimEnd('.')}): it was found afterwards and is returned, not started twice.");
            return task;
        }
    }

    /// <summary>A task by id, with sessions: GET /agents/repos/{owner}/{repo}/tasks/{task_id} when the repository is
    /// known, else GET /agents/tasks/{task_id}.</summary>
    public async Task<CopilotTask> GetTaskAsync(string taskId, RepositoryName? repository = null, CancellationToken cancellationToken = default)
    {
        var id = Uri.EscapeDataString(InputValidator.TaskId(taskId));
        var uri = repository is null ? new Uri(BaseUri, "agents/tasks/" + id) : new Uri(Endpoint(repository).AbsoluteUri + "/" + id);
        var result = await sender.SendAsync(new ApiCall(HttpMethod.Get, uri, taskId, taskScoped: true), WireJson.ReadTask, cancellationToken).ConfigureAwait(false);
        var task = TaskMapper.ToTask(result.Value, repository);
        await namer.NameAsync(new[] { task }, null, cancellationToken).ConfigureAwait(false);
        return task;
    }

    /// <summary>GET /agents/repos/{owner}/{repo}/tasks, read page by page.</summary>
    public TaskListing ListRepositoryTasks(RepositoryName repository, RepositoryTaskQuery? query = null)
    {
        if (repository is null)
        {
            throw new ArgumentNullException(nameof(repository));
        }

        return List(Endpoint(repository), query ?? new RepositoryTaskQuery(), repository);
    }

    /// <summary>GET /agents/tasks: the authenticated user's tasks across repositories, read page by page.</summary>
    public TaskListing ListUserTasks(UserTaskQuery? query = null) =>
        List(new Uri(BaseUri, "agents/tasks"), query ?? new UserTaskQuery(), null);

    private TaskListing List(Uri endpoint, TaskQuery query, RepositoryName? repository)
    {
        query.Validate();
        return new TaskListing(sender, endpoint, query, repository, repository is null ? namer : null);
    }

    private async Task WaitForTurnAsync(CancellationToken cancellationToken)
    {
        var wait = pacer?.Reserve(clock.UtcNow) ?? TimeSpan.Zero;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (wait >= ApiSender.NoticeableWait)
        {
            warn?.Invoke($"GitHub allows {StartPacer.PerMinute} task starts a minute and {StartPacer.PerHour} an hour: waiting until {(clock.UtcNow + wait).ToLocalTime():HH:mm:ss} to start the next one.");
        }

        await clock.Delay(wait, cancellationToken).ConfigureAwait(false);
    }

    // Owner and repo were validated by RepositoryName: only URL-safe characters.
    private Uri Endpoint(RepositoryName repository) =>
        new(BaseUri, $"agents/repos/{repository.Owner}/{repository.Repo}/tasks");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
