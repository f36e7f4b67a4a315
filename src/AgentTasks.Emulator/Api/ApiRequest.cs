namespace AgentTasks.Emulator.Api;

/// <summary>What the operations need of an authenticated API request.</summary>
/// <param name="Origin">The emulator's own <c>scheme://host:port</c>, as the client addressed it.</param>
/// <param name="Now">One instant for the whole request, so every task in a page is seen at the same moment.</param>
internal sealed record ApiRequest(ApiRoute Route, string Origin, RawQuery Query, string? Body, long UserId, DateTimeOffset Now);
