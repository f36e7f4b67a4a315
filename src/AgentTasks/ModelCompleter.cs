using System.Collections.Generic;
using System.Linq;
using AgentTasks.Core.CmdletSupport;

namespace AgentTasks;

/// <summary>Offers the models GitHub has documented for -Model; any other name is still accepted.</summary>
internal sealed class ModelCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string ToolTip)> Values => KnownModels.All.Select(model => (model, model));
}
