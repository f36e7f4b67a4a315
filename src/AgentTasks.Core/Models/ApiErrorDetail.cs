namespace AgentTasks.Core.Models;

/// <summary>One entry of the <c>errors</c> array of a GitHub error body (mostly on 422).</summary>
public sealed class ApiErrorDetail
{
    public ApiErrorDetail(string? code, string? message, string? field)
    {
        Code = code;
        Message = message;
        Field = field;
    }

    /// <summary>missing, missing_field, invalid, already_exists, unprocessable or custom.</summary>
    public string? Code { get; }
    public string? Message { get; }
    public string? Field { get; }

    public override string ToString() =>
        Message ?? (Field is null ? Code ?? "" : $"{Field}: {Code}");
}
