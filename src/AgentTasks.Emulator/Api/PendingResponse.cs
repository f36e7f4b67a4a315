using System.Text.Json.Nodes;

namespace AgentTasks.Emulator.Api;

/// <summary>
/// A response not yet written, so that the pipeline can still add an ETag, answer 304, truncate it for a
/// <c>malformed</c> fault or drop it.
/// </summary>
internal sealed record PendingResponse(int Status, byte[]? Body, IReadOnlyDictionary<string, string> Headers)
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static PendingResponse Json(int status, JsonNode body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, EmulatorJson.ToUtf8(body), headers ?? NoHeaders);

    /// <summary>GitHub's error body: <c>message</c>, <c>errors</c> (on 422) and <c>documentation_url</c>.</summary>
    public static PendingResponse Error(
        int status, string message, string documentationUrl, IReadOnlyList<ValidationError>? errors = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = new JsonObject { ["message"] = message };
        if (errors is not null)
        {
            body["errors"] = new JsonArray([.. errors.Select(e => new JsonObject { ["code"] = e.Code, ["message"] = e.Message })]);
        }

        body["documentation_url"] = documentationUrl;
        return Json(status, body, headers);
    }

    public static PendingResponse ValidationFailed(string documentationUrl, params ValidationError[] errors) =>
        Error(StatusCodes.Status422UnprocessableEntity, "Validation Failed", documentationUrl, errors);

    public static PendingResponse NotFound(string documentationUrl) =>
        Error(StatusCodes.Status404NotFound, "Not Found", documentationUrl);
}
