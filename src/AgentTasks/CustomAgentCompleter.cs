using System.Collections.Generic;
using System.Linq;

namespace AgentTasks;

/// <summary>Completes -CustomAgent with the custom agents of the tasks met this session.</summary>
internal sealed class CustomAgentCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string ToolTip)> Values =>
        SeenThisSession.AllTasks().Select(task => task.CustomAgent).OfType<string>().Distinct().Select(agent => (agent, agent));
}
