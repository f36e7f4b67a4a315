using System;

namespace AgentTasks.Core.Requests;

/// <summary>What to start a task with. Only <see cref="Prompt"/> is required.</summary>
public sealed class StartTaskRequest
{
    public StartTaskRequest(string prompt)
    {
        Prompt = prompt;
    }

    public string Prompt { get; }
    /// <summary>Free text: the set of models changes with time, plan and policy, so it is never checked here.</summary>
    public string? Model { get; set; }
    /// <summary>The name of <c>.github/agents/NAME.agent.md</c>.</summary>
    public string? CustomAgent { get; set; }
    public bool CreatePullRequest { get; set; }
    public string? BaseRef { get; set; }
    /// <summary>With <see cref="BaseRef"/>: work on the open pull request from this branch into BaseRef.</summary>
    public string? HeadRef { get; set; }

    /// <summary>Fails with an <see cref="ArgumentException"/> on what the API would refuse: an empty prompt, or a
    /// head ref without a base ref. Empty optional values count as not given.</summary>
    public void Validate()
    {
        InputValidator.Prompt(Prompt);
        if (!string.IsNullOrEmpty(HeadRef) && string.IsNullOrEmpty(BaseRef))
        {
            throw new ArgumentException("A head ref works only together with a base ref: the agent then works on the pull request from head into base.", nameof(HeadRef));
        }
    }
}
