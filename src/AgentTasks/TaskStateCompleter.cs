using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using AgentTasks.Core.Models;

namespace AgentTasks;

/// <summary>Completes -State with the eight states in the API's spelling (the enum's own completion would also
/// offer Unknown, which is no filter).</summary>
public sealed class TaskStateCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        return TaskStates.Known
            .Select(TaskStates.ToWire)
            .Where(state => state.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(state => new CompletionResult(state, state, CompletionResultType.ParameterValue, state));
    }
}
