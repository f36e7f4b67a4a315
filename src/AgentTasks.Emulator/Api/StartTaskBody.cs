using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using AgentTasks.Emulator.Tasks;

namespace AgentTasks.Emulator.Api;

/// <summary>Reads and validates the JSON body of a start-a-task request.</summary>
internal static class StartTaskBody
{
    /// <summary>Parses <paramref name="body"/>; on failure <paramref name="error"/> is the 400 or 422 to answer.</summary>
    public static bool TryParse(string? body, [NotNullWhen(true)] out NewTask? task, [NotNullWhen(false)] out PendingResponse? error)
    {
        task = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body ?? "");
        }
        catch (JsonException)
        {
            error = PendingResponse.Error(StatusCodes.Status400BadRequest, "Problems parsing JSON", DocumentationUrls.StartTask);
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = Invalid("the body must be a JSON object");
                return false;
            }

            if (!root.TryGetProperty("prompt", out var promptElement) || promptElement.ValueKind == JsonValueKind.Null)
            {
                error = PendingResponse.ValidationFailed(DocumentationUrls.StartTask, new ValidationError("missing_field", "prompt is required"));
                return false;
            }

            if (promptElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(promptElement.GetString()))
            {
                error = Invalid("prompt must be a non-empty string");
                return false;
            }

            string? model = null, customAgent = null, baseRef = null, headRef = null;
            bool? createPullRequest = null;
            if (!TryOptionalString(root, "model", ref model, out error)
                || !TryOptionalString(root, "custom_agent", ref customAgent, out error)
                || !TryOptionalString(root, "base_ref", ref baseRef, out error)
                || !TryOptionalString(root, "head_ref", ref headRef, out error)
                || !TryOptionalBoolean(root, "create_pull_request", ref createPullRequest, out error))
            {
                return false;
            }

            if (headRef is not null && baseRef is null)
            {
                error = Invalid("head_ref needs base_ref");
                return false;
            }

            task = new NewTask(promptElement.GetString()!, model, customAgent, createPullRequest ?? false, baseRef, headRef);
            error = null;
            return true;
        }
    }

    private static bool TryOptionalString(JsonElement root, string name, ref string? value, [NotNullWhen(false)] out PendingResponse? error)
    {
        error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = Invalid($"{name} must be a string");
            return false;
        }

        value = element.GetString();
        return true;
    }

    private static bool TryOptionalBoolean(JsonElement root, string name, ref bool? value, [NotNullWhen(false)] out PendingResponse? error)
    {
        error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            error = Invalid($"{name} must be a boolean");
            return false;
        }

        value = element.GetBoolean();
        return true;
    }

    private static PendingResponse Invalid(string message) =>
        PendingResponse.ValidationFailed(DocumentationUrls.StartTask, ValidationError.Invalid(message));
}
