using System.Collections.Generic;
using System.Linq;
using AgentTasks.Core.Models;

namespace AgentTasks;

/// <summary>Completes -State with the eight states in the API's spelling (the enum's own completion would also
/// offer Unknown, which is no filter).</summary>
internal sealed class TaskStateCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string ToolTip)> Values =>
        TaskStates.Known.Select(TaskStates.ToWire).Select(state => (state, state));
}
