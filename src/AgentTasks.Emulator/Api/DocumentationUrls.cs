namespace AgentTasks.Emulator.Api;

/// <summary>The <c>documentation_url</c> GitHub puts in error bodies, one per endpoint.</summary>
internal static class DocumentationUrls
{
    private const string AgentTasks = "https://docs.github.com/rest/agent-tasks/agent-tasks";

    public const string Rest = "https://docs.github.com/rest";
    public const string RateLimits = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";
    public const string SecondaryRateLimits = RateLimits + "#about-secondary-rate-limits";
    public const string ListTasksForRepository = AgentTasks + "#list-tasks-for-repository";
    public const string StartTask = AgentTasks + "#start-a-task";
    public const string GetTaskByRepo = AgentTasks + "#get-a-task-by-repo";
    public const string ListTasks = AgentTasks + "#list-tasks";
    public const string GetTaskById = AgentTasks + "#get-a-task-by-id";
    public const string GetRepositoryById = "https://docs.github.com/rest/repos/repos#get-a-repository";
}
