using System.Text.Json.Nodes;
using AgentTasks.Emulator.Api;
using AgentTasks.Emulator.Faults;
using AgentTasks.Emulator.Tasks;

namespace AgentTasks.Emulator.Control;

/// <summary>
/// <c>/_emulator/</c>: how tests arrange and inspect the emulator. No auth, never faulted, never logged, so that
/// arranging a test never shows up in what the test asserts.
/// </summary>
internal static class ControlEndpoints
{
    private const int MaxSeedCount = 1000;

    /// <summary>About 30 years: as good as for ever, and well inside what a TimeSpan holds.</summary>
    private const double MaxClockSeconds = 1e9;

    public static void Map(IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_emulator");
        control.MapPost("/reset", Reset);
        control.MapPost("/seed", Seed);
        control.MapPost("/tasks/{id}/state", SetState);
        control.MapPost("/faults", AddFault);
        control.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        control.MapGet("/requests", (RequestLog log) => Json(new JsonObject { ["requests"] = log.ToJson() }));
        control.MapPost("/clock", SetClock);
    }

    private static IResult Reset(TaskStore store, FaultInjector faults, RequestLog log, RateLimiter rateLimiter)
    {
        store.Reset();
        faults.Clear();
        log.Clear();
        rateLimiter.Reset(DateTimeOffset.UtcNow);
        return Results.NoContent();
    }

    private static IResult Seed(SeedRequest body, HttpContext context, TaskStore store)
    {
        var state = body.State ?? StateNames.Completed;
        var error = body switch
        {
            _ when !GitHubNames.IsOwner(body.Owner) || !GitHubNames.IsRepo(body.Repo) => "owner and repo must be GitHub names",
            { Count: < 1 or > MaxSeedCount } => $"count must be from 1 to {MaxSeedCount}",
            _ when !StateNames.IsKnown(state) => $"state must be one of {string.Join(", ", StateNames.All)}",
            _ => null,
        };
        if (error is not null)
        {
            return BadRequest(error);
        }

        var now = DateTimeOffset.UtcNow;
        var tasks = store.Seed(body.Owner!, body.Repo!, body.Count, state, body.Archived, body.CreatorId ?? 1, body.Prompt, now);
        var origin = Origin(context);
        return Json(new JsonObject { ["tasks"] = new JsonArray([.. tasks.Select(t => TaskJson.Task(t, now, origin, withSessions: true))]) });
    }

    private static IResult SetState(string id, StateRequest body, HttpContext context, TaskStore store)
    {
        if (!StateNames.IsKnown(body.State))
        {
            return BadRequest($"state must be one of {string.Join(", ", StateNames.All)}");
        }

        var now = DateTimeOffset.UtcNow;
        var task = store.Freeze(id, body.State!, now);
        return task is null
            ? Json(new JsonObject { ["message"] = $"No task {id}" }, StatusCodes.Status404NotFound)
            : Json(TaskJson.Task(task, now, Origin(context), withSessions: true));
    }

    private static IResult AddFault(FaultRequest body, FaultInjector faults)
    {
        if (!body.TryCreateRule(out var rule, out var error))
        {
            return BadRequest(error);
        }

        faults.Add(rule);
        return Results.NoContent();
    }

    private static IResult SetClock(ClockRequest body, TaskStore store)
    {
        if (body.QueuedSeconds is < 0 or > MaxClockSeconds || body.RunningSeconds is < 0 or > MaxClockSeconds || body.TimeScale <= 0)
        {
            return BadRequest($"queued_seconds and running_seconds must be from 0 to {MaxClockSeconds}, time_scale more than 0");
        }

        store.SetLifecycle(
            body.QueuedSeconds is { } queued ? TimeSpan.FromSeconds(queued) : null,
            body.RunningSeconds is { } running ? TimeSpan.FromSeconds(running) : null,
            body.TimeScale);
        return Results.NoContent();
    }

    private static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(EmulatorJson.Options), "application/json; charset=utf-8", statusCode: status);

    private static IResult BadRequest(string message) =>
        Json(new JsonObject { ["message"] = message }, StatusCodes.Status400BadRequest);
}
