using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace AgentTasks;

/// <summary>Completes an argument from a list of values, by prefix, ignoring case and quotes typed so far.</summary>
internal abstract class PrefixCompleter : IArgumentCompleter
{
    /// <summary>The values, each with the tooltip that shows it.</summary>
    protected abstract IEnumerable<(string Value, string ToolTip)> Values { get; }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        return Values
            .Where(value => value.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(value => new CompletionResult(value.Value, value.Value, CompletionResultType.ParameterValue, value.ToolTip));
    }
}
