using System.Text.Json.Nodes;

namespace AgentTasks.Emulator.Api;

/// <summary>Every API request received, in arrival order, for tests to read back.</summary>
internal sealed class RequestLog
{
    private readonly object gate = new();
    private readonly List<LoggedRequest> requests = [];
    // Logged and not yet answered (nor dropped): what a request that arrives finds in flight.
    private int inFlight;

    /// <summary>Logs a request as it arrives, so the log keeps arrival order even when answers overtake each other.</summary>
    public LoggedRequest Add(LoggedRequest request)
    {
        lock (gate)
        {
            request.InFlightOnArrival = inFlight++;
            requests.Add(request);
        }

        return request;
    }

    /// <summary>Records the answer; called before the answer is written, so a client that has it finds it logged.</summary>
    public void Complete(LoggedRequest request, int status)
    {
        lock (gate)
        {
            request.Status = status;
            End(request);
        }
    }

    /// <summary>Ends a request that was never answered (the client gave up during a delay, or serving it threw): it is
    /// in flight no more. Nothing for one already answered or dropped.</summary>
    public void Abandon(LoggedRequest request)
    {
        lock (gate)
        {
            End(request);
        }
    }

    private void End(LoggedRequest request)
    {
        if (!request.Ended)
        {
            request.Ended = true;
            inFlight--;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
            inFlight = 0;
        }
    }

    public JsonArray ToJson()
    {
        lock (gate)
        {
            return [.. requests.Select(Entry)];
        }
    }

    private static JsonObject Entry(LoggedRequest request) => new()
    {
        ["method"] = request.Method,
        ["path"] = request.Path,
        ["query"] = request.Query,
        ["headers"] = new JsonObject([.. request.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))]),
        ["body"] = request.Body,
        ["status"] = request.Status,
        ["in_flight_on_arrival"] = request.InFlightOnArrival,
        ["fault"] = request.Fault,
        ["auth_sha256"] = request.AuthSha256,
    };
}
