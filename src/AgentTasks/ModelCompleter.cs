using System.Collections.Generic;
using AgentTasks.Core.CmdletSupport;

namespace AgentTasks;

/// <summary>Offers the models GitHub has documented for -Model; any other name is still accepted.</summary>
internal sealed class ModelCompleter : PrefixCompleter
{
    protected override IEnumerable<string> Values => KnownModels.All;
}
