using System.Collections.Generic;
using System.Linq;

namespace AgentTasks;

/// <summary>Completes -Repository with the repositories met this session, the connection's default among them.</summary>
internal sealed class RepositoryCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string ToolTip)> Values =>
        SeenThisSession.AllRepositories().Select(repository => (repository, repository));
}
