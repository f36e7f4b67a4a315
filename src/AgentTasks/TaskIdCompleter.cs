using System.Collections.Generic;
using System.Linq;

namespace AgentTasks;

/// <summary>Completes -Id with the tasks met this session, newest first, each named in its tooltip.</summary>
internal sealed class TaskIdCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string ToolTip)> Values =>
        SeenThisSession.AllTasks().Select(task => (task.Id, $"{task.Name} ({task.StateValue}{(task.Repository is null ? "" : ", " + task.Repository)})"));
}
