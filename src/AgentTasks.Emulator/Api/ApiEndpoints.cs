using System.Text.Json.Nodes;
using AgentTasks.Emulator.Tasks;

namespace AgentTasks.Emulator.Api;

/// <summary>The five operations, once the request is known to be authenticated and not faulted.</summary>
internal sealed class ApiEndpoints(TaskStore store)
{
    public PendingResponse Handle(ApiRequest request)
    {
        var route = request.Route;
        switch (route.Operation)
        {
            case ApiOperation.ListForUser:
                return List(request, TaskScope.Of(request.UserId), withUrls: false);
            case ApiOperation.Get:
                return Get(request, store.Find(route.TaskId!));
            case ApiOperation.GetRepository:
                return GetRepository(request, route.TaskId!);
        }

        // The other three name a repository; one whose name GitHub would not allow cannot exist.
        var (owner, repo) = (route.Owner!, route.Repo!);
        if (!GitHubNames.IsOwner(owner) || !GitHubNames.IsRepo(repo))
        {
            return PendingResponse.NotFound(route.DocumentationUrl);
        }

        return route.Operation switch
        {
            ApiOperation.ListForRepository => List(request, TaskScope.Of(owner, repo), withUrls: true),
            ApiOperation.Start => Start(request, owner, repo),
            _ => Get(request, store.Find(route.TaskId!) is { } task && task.BelongsTo(owner, repo) ? task : null),
        };
    }

    private PendingResponse Start(ApiRequest request, string owner, string repo)
    {
        if (!StartTaskBody.TryParse(request.Body, out var newTask, out var error))
        {
            return error;
        }

        var task = store.Start(owner, repo, request.UserId, newTask, request.Now);
        return PendingResponse.Json(StatusCodes.Status201Created, TaskJson.Task(task, request.Now, request.Origin, withSessions: false));
    }

    /// <summary>The repository of an id the store has given out, in GitHub's shape (the fields a client reads).</summary>
    private PendingResponse GetRepository(ApiRequest request, string id)
    {
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            || store.RepositoryOf(number) is not { } name)
        {
            return PendingResponse.NotFound(request.Route.DocumentationUrl);
        }

        var body = new JsonObject
        {
            ["id"] = number,
            ["name"] = name.Repo,
            ["full_name"] = $"{name.Owner}/{name.Repo}",
            ["owner"] = new JsonObject { ["login"] = name.Owner },
            ["html_url"] = $"https://github.com/{name.Owner}/{name.Repo}",
        };
        return PendingResponse.Json(StatusCodes.Status200OK, body);
    }

    private static PendingResponse Get(ApiRequest request, EmulatedTask? task) =>
        task is null
            ? PendingResponse.NotFound(request.Route.DocumentationUrl)
            : PendingResponse.Json(StatusCodes.Status200OK, TaskJson.Task(task, request.Now, request.Origin, withSessions: true));

    /// <summary>
    /// Sorts, then filters, then slices, as GitHub does; the totals ignore only <c>is_archived</c> and paging. A list
    /// without filters is a slice of the store's index; a filtered one is read off the index in order until its page is
    /// full, and counts its matches in one pass: neither sorts every task of its scope.
    /// </summary>
    private PendingResponse List(ApiRequest request, TaskScope scope, bool withUrls)
    {
        var filterByCreator = request.Route.Operation == ApiOperation.ListForRepository;
        if (!ListQuery.TryParse(request.Query, filterByCreator, out var query, out var error))
        {
            return PendingResponse.ValidationFailed(request.Route.DocumentationUrl, ValidationError.Invalid(error));
        }

        var offset = (query.Page - 1L) * query.PerPage;
        var page = query.States is null && query.Since is null && query.CreatorIds is null
            ? store.Page(scope, query.Archived, query.SortByCreated, query.Ascending, offset, query.PerPage, request.Now)
            : store.PageWhere(scope, query.Archived, query.SortByCreated, query.Ascending, offset, query.PerPage, request.Now, task => query.Matches(task, request.Now));

        var body = new JsonObject
        {
            ["tasks"] = new JsonArray([.. page.Tasks.Select(t => TaskJson.Task(t, request.Now, withUrls ? request.Origin : null, withSessions: false))]),
            ["total_active_count"] = page.ActiveCount,
            ["total_archived_count"] = page.ArchivedCount,
        };
        var selected = query.Archived ? page.ArchivedCount : page.ActiveCount;
        var lastPage = Math.Max(1, (selected + query.PerPage - 1) / query.PerPage);
        var link = LinkHeaderBuilder.Build(request.Origin, request.Route.ListPath, request.Query, query.Page, query.PerPage, lastPage);
        return PendingResponse.Json(StatusCodes.Status200OK, body, new Dictionary<string, string> { ["Link"] = link });
    }
}
