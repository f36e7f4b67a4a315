namespace AgentTasks.Emulator.Api;

/// <summary>The five operations of the agent tasks API.</summary>
internal enum ApiOperation
{
    ListForRepository,
    Start,
    GetInRepository,
    ListForUser,
    Get,
}
