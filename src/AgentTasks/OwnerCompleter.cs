using System;
using System.Collections.Generic;
using System.Linq;

namespace AgentTasks;

/// <summary>Completes -Owner with the owners of the repositories met this session.</summary>
internal sealed class OwnerCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string ToolTip)> Values =>
        SeenThisSession.AllRepositories().Select(repository => repository.Split('/')[0]).Distinct(StringComparer.OrdinalIgnoreCase).Select(owner => (owner, owner));
}
