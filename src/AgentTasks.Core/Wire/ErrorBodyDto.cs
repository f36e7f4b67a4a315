using System.Collections.Generic;

namespace AgentTasks.Core.Wire;

internal sealed class ErrorBodyDto
{
    public string? Message { get; set; }
    public string? DocumentationUrl { get; set; }
    public List<ErrorDetailDto?>? Errors { get; set; }
}

internal sealed class ErrorDetailDto
{
    public string? Code { get; set; }
    public string? Message { get; set; }
    public string? Field { get; set; }
    public string? Resource { get; set; }
}
