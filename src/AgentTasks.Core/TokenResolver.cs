using System;
using AgentTasks.Core.Errors;

namespace AgentTasks.Core;

/// <summary>Finds the token to use: the one given, then <c>GH_TOKEN</c>, then <c>GITHUB_TOKEN</c> (the order the gh CLI uses).</summary>
internal static class TokenResolver
{
    public static readonly string[] EnvironmentVariables = { "GH_TOKEN", "GITHUB_TOKEN" };

    public static CopilotToken Resolve(CopilotToken? explicitToken, Func<string, string?> environment)
    {
        if (explicitToken is not null)
        {
            return explicitToken;
        }

        foreach (var name in EnvironmentVariables)
        {
            var value = environment(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return new CopilotToken(value!, name);
            }
        }
        throw ErrorTable.TokenMissing(
            "No GitHub token: pass one explicitly, or set the GH_TOKEN or GITHUB_TOKEN environment variable. " +
            "The agent tasks API needs a user token (personal access token, OAuth app or GitHub App user token).");
    }
}
