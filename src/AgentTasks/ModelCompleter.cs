using System.Collections.Generic;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Offers the models GitHub has documented for -Model; any other name is still accepted.</summary>
public sealed class ModelCompleter : PrefixCompleter
{
    protected override IEnumerable<string> Values => KnownModels.All;
}
