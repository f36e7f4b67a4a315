namespace AgentTasks.Emulator.Api;

/// <summary>Which operation a request is for, with the path's names.</summary>
internal sealed record ApiRoute(ApiOperation Operation, string? Owner = null, string? Repo = null, string? TaskId = null)
{
    /// <summary>The operation of <paramref name="method"/> and <paramref name="path"/>, or null for anything else (a 404).</summary>
    public static ApiRoute? Match(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var get = HttpMethods.IsGet(method);
        return segments switch
        {
            ["agents", "tasks"] when get => new(ApiOperation.ListForUser),
            ["agents", "tasks", var id] when get => new(ApiOperation.Get, TaskId: id),
            ["repositories", var id] when get => new(ApiOperation.GetRepository, TaskId: id),
            ["agents", "repos", var owner, var repo, "tasks"] when get => new(ApiOperation.ListForRepository, owner, repo),
            ["agents", "repos", var owner, var repo, "tasks"] when HttpMethods.IsPost(method) => new(ApiOperation.Start, owner, repo),
            ["agents", "repos", var owner, var repo, "tasks", var id] when get => new(ApiOperation.GetInRepository, owner, repo, id),
            _ => null,
        };
    }

    /// <summary>The path of a list as the API spells it, for its Link URLs: never the request's own path, which the
    /// server has decoded (a <c>%0A</c> in it would be a newline in a header).</summary>
    public string ListPath => Operation == ApiOperation.ListForUser ? "/agents/tasks" : $"/agents/repos/{Owner}/{Repo}/tasks";

    public string DocumentationUrl => Operation switch
    {
        ApiOperation.ListForRepository => DocumentationUrls.ListTasksForRepository,
        ApiOperation.Start => DocumentationUrls.StartTask,
        ApiOperation.GetInRepository => DocumentationUrls.GetTaskByRepo,
        ApiOperation.ListForUser => DocumentationUrls.ListTasks,
        ApiOperation.GetRepository => DocumentationUrls.GetRepositoryById,
        _ => DocumentationUrls.GetTaskById,
    };
}
