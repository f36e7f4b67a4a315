namespace AgentTasks.Emulator.Api;

/// <summary>The five operations of the agent tasks API.</summary>
internal enum ApiOperation
{
    ListForRepository,
    Start,
    GetInRepository,
    ListForUser,
    Get,
    /// <summary>GET /repositories/{repository_id}: not an agent tasks endpoint, but how a client names the
    /// repository of a user-wide listing's task, whose <c>repository</c> is only <c>{id}</c>.</summary>
    GetRepository,
}
