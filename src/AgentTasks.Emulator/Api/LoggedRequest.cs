namespace AgentTasks.Emulator.Api;

/// <summary>One API request as the request log keeps it; the token itself is never kept.</summary>
internal sealed class LoggedRequest
{
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required string Query { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public string? Body { get; init; }
    public string? Fault { get; init; }
    public string? AuthSha256 { get; init; }

    /// <summary>The status answered, 0 while in flight or when the connection was dropped. Guarded by the log's lock.</summary>
    public int Status { get; set; }

    /// <summary>How many other requests had arrived and were not yet answered when this one arrived (from any
    /// client): a client that keeps one request in flight makes it 0 while no one else calls. Guarded by the log's lock.</summary>
    public int InFlightOnArrival { get; set; }

    /// <summary>Answered, dropped or given up: no longer counted in flight. Guarded by the log's lock.</summary>
    public bool Ended { get; set; }
}
