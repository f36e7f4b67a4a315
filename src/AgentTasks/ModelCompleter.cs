using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Offers the models GitHub has documented for -Model; any other name is still accepted.</summary>
public sealed class ModelCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        return KnownModels.All
            .Where(model => model.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(model => new CompletionResult(model, model, CompletionResultType.ParameterValue, model));
    }
}
