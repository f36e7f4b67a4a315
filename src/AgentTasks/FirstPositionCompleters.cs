using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace AgentTasks;

/// <summary>The completers of Get-CopilotTask's first position, which -Repository and -Id share: by position, the
/// repositories and then the tasks seen this session; after -Repository or -Id, that parameter's values only.</summary>
/// <remarks>For a typed word PowerShell asks both parameters' completers and joins their answers with an empty entry
/// between them, on which PSReadLine fails; for an empty word it asks -Repository's only. So by position the
/// -Repository completer answers for both, and the -Id completer answers null, which PowerShell passes over.</remarks>
internal static class FirstPosition
{
    /// <summary>Whether the word is given to the parameter by name: it follows the name, a prefix of it or an alias
    /// (<c>-Repo word</c>), or is joined to it (<c>-Id:word</c>); a switch such as -Verbose before a positional word does
    /// not count. An empty word is after the last element, a typed one is the last element.</summary>
    public static bool IsNamed(CommandAst command, string wordToComplete, params string[] names)
    {
        var elements = command.CommandElements;
        var typed = !string.IsNullOrEmpty(wordToComplete);
        if (typed && elements.LastOrDefault() is CommandParameterAst { Argument: not null } joined)
        {
            return Names(joined, names);
        }

        var before = typed ? elements.Reverse().Skip(1).FirstOrDefault() : elements.LastOrDefault();
        return before is CommandParameterAst { Argument: null } named && Names(named, names);
    }

    /// <summary>Whether the word at the first position can only be an id: -Repository is given by name already, so
    /// PowerShell asks -Id's completer alone. ("-Repo" is the Repo parameter; a longer prefix is -Repository.)</summary>
    public static bool RepositoryIsGiven(CommandAst command) =>
        command.CommandElements.OfType<CommandParameterAst>().Any(parameter =>
            parameter.ParameterName.Length > "Repo".Length && "Repository".StartsWith(parameter.ParameterName, System.StringComparison.OrdinalIgnoreCase));

    private static bool Names(CommandParameterAst parameter, string[] names) =>
        names.Any(name => name.StartsWith(parameter.ParameterName, System.StringComparison.OrdinalIgnoreCase));
}

/// <summary>Get-CopilotTask -Repository: repositories; by position, the seen tasks too.</summary>
internal sealed class RepositoryOrTaskIdCompleter : IArgumentCompleter
{
    private readonly RepositoryCompleter repositories = new();
    private readonly TaskIdCompleter taskIds = new();

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var offered = repositories.CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters);
        return FirstPosition.IsNamed(commandAst, wordToComplete, "Repository")
            ? offered
            : offered.Concat(taskIds.CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters));
    }
}

/// <summary>Get-CopilotTask -Id: the seen tasks after -Id (or -TaskId), or by position once -Repository is given;
/// otherwise by position nothing of its own, as -Repository's completer offers them.</summary>
internal sealed class NamedTaskIdCompleter : IArgumentCompleter
{
    private readonly TaskIdCompleter taskIds = new();

    public IEnumerable<CompletionResult>? CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        FirstPosition.IsNamed(commandAst, wordToComplete, "Id", "TaskId") || FirstPosition.RepositoryIsGiven(commandAst)
            ? taskIds.CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters)
            : null;
}
