using System.Globalization;
using System.Text.Json.Nodes;

namespace AgentTasks.Emulator.Tasks;

/// <summary>The JSON of a task as the API shows it at a given moment.</summary>
internal static class TaskJson
{
    private const string FailureMessage = "The agent stopped after an error and could not finish the task.";

    /// <summary>
    /// A task object. <paramref name="origin"/> null leaves out <c>url</c> and <c>html_url</c>, as GitHub's
    /// <c>/agents/tasks</c> items do; list items leave out <c>sessions</c>.
    /// </summary>
    public static JsonObject Task(EmulatedTask task, DateTimeOffset now, string? origin, bool withSessions)
    {
        var phase = task.PhaseAt(now);
        var json = new JsonObject { ["id"] = task.Id };
        if (origin is not null)
        {
            json["url"] = $"{origin}/agents/repos/{task.Owner}/{task.Repo}/tasks/{task.Id}";
            json["html_url"] = $"https://github.com/{task.Owner}/{task.Repo}/copilot/tasks/{task.Id}";
        }

        json["name"] = task.Name;
        json["creator"] = IdObject(task.CreatorId);
        json["creator_type"] = "user";
        json["owner"] = IdObject(task.OwnerId);
        json["repository"] = IdObject(task.RepositoryId);
        json["state"] = phase.State;
        json["session_count"] = 1;
        json["artifacts"] = Artifacts(task, phase);
        json["archived_at"] = task.ArchivedAt is { } archivedAt ? EmulatorJson.Time(archivedAt) : null;
        json["created_at"] = EmulatorJson.Time(task.CreatedAt);
        json["updated_at"] = EmulatorJson.Time(phase.Since);
        if (task.CustomAgent is not null)
        {
            json["custom_agent"] = new JsonObject { ["id"] = task.CustomAgent };
        }

        if (withSessions)
        {
            json["sessions"] = new JsonArray(Session(task, phase));
        }

        return json;
    }

    private static JsonObject Session(EmulatedTask task, TaskPhase phase)
    {
        var json = new JsonObject
        {
            ["id"] = task.SessionId,
            ["name"] = task.Name,
            ["user"] = IdObject(task.CreatorId),
            ["owner"] = IdObject(task.OwnerId),
            ["repository"] = IdObject(task.RepositoryId),
            ["task_id"] = task.Id,
            ["state"] = phase.State,
            ["created_at"] = EmulatorJson.Time(task.CreatedAt),
            ["updated_at"] = EmulatorJson.Time(phase.Since),
        };
        if (StateNames.IsFinished(phase.State))
        {
            json["completed_at"] = EmulatorJson.Time(phase.Since);
        }

        json["prompt"] = task.Prompt;
        json["head_ref"] = task.HeadRef;
        json["base_ref"] = task.BaseRef;
        json["model"] = task.Model;
        if (StateNames.IsFinished(phase.State))
        {
            json["usage"] = new JsonObject { ["type"] = "ai_credits", ["amount"] = task.UsageNanoCredits };
        }

        if (phase.State == StateNames.Failed)
        {
            json["error"] = new JsonObject { ["message"] = FailureMessage };
        }

        return json;
    }

    /// <summary>A completed task has produced its pull request, or else its branch.</summary>
    private static JsonArray Artifacts(EmulatedTask task, TaskPhase phase)
    {
        if (phase.State != StateNames.Completed)
        {
            return [];
        }

        JsonObject data = task.CreatePullRequest
            ? new JsonObject
            {
                ["id"] = task.PullRequestId,
                ["global_id"] = "PR_kwEMU" + task.PullRequestId.ToString(CultureInfo.InvariantCulture),
            }
            : new JsonObject { ["head_ref"] = task.HeadRef, ["base_ref"] = task.BaseRef };
        return [new JsonObject { ["provider"] = "github", ["type"] = task.CreatePullRequest ? "pull" : "branch", ["data"] = data }];
    }

    private static JsonObject IdObject(long id) => new() { ["id"] = id };
}
