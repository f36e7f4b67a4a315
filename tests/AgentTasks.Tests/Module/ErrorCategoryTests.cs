using System.Reflection;
using AgentTasks.Core.Errors;

namespace AgentTasks.Tests.Module;

/// <summary>The core names an ErrorCategory by string (it knows nothing of PowerShell); the cmdlets parse it with
/// Enum.TryParse&lt;ErrorCategory&gt; and fall back to NotSpecified. Every name the core can report must be a member
/// of ErrorCategory as the reference assembly declares it.</summary>
public class ErrorCategoryTests
{
    private static readonly int[] Statuses = { 400, 401, 403, 404, 418, 422, 429, 500, 502, 503 };

    /// <summary>One exception of every kind the core raises, made through its internal constructors.</summary>
    internal static IEnumerable<(string Case, CopilotException Error)> EveryKindOfError()
    {
        yield return ("no token", new CopilotConfigurationException(CopilotConfigurationException.TokenMissing, "no token"));
        yield return ("bad base URI", new CopilotConfigurationException(CopilotConfigurationException.InvalidBaseUri, "bad base URI"));
        yield return ("timeout", new CopilotTimeoutException("timed out", "octo-org/hello-world"));
        yield return ("connection", new CopilotConnectionException("refused", "octo-org/hello-world", null));
        yield return ("malformed body", new CopilotResponseException("not JSON", "octo-org/hello-world", "REQ1", null));
        foreach (var status in Statuses)
        {
            foreach (var rateLimit in status == 403 ? new[] { false, true } : new[] { false })
                yield return ($"{status}{(rateLimit ? " rate limit" : "")}", ApiErrors.From(new ApiFailure { StatusCode = status, IsRateLimit = rateLimit }, false, true));
        }
    }

    public static TheoryData<string, string> Categories()
    {
        var data = new TheoryData<string, string>();
        foreach (var (label, error) in EveryKindOfError()) data.Add($"{label}: {error.GetType().Name} {error.ErrorId}", error.Category);
        return data;
    }

    [Theory]
    [MemberData(nameof(Categories))]
    public void EachCategoryIsAnErrorCategoryMember(string error, string category)
    {
        var members = BuiltModule.Instance.SmaType("ErrorCategory").GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("NotSpecified", members);
        // Enum.TryParse is case-sensitive by default: the name must match exactly.
        Assert.True(members.Contains(category), $"{error}: '{category}' is no member of System.Management.Automation.ErrorCategory; the cmdlets would report NotSpecified.");
        Assert.NotEqual("NotSpecified", category);
    }

    [Fact]
    public void EveryExceptionTypeOfTheCoreIsCovered()
    {
        // A new exception type must be added to EveryKindOfError, so that its category is checked too.
        var made = EveryKindOfError().Select(e => e.Error.GetType()).ToHashSet();
        var all = typeof(CopilotException).Assembly.GetTypes().Where(t => typeof(CopilotException).IsAssignableFrom(t)).ToList();
        // Leaves only: CopilotApiException is concrete but made only as its subclasses (its category comes from the
        // status, which the statuses above cover).
        var leaves = all.Where(t => !t.IsAbstract && !all.Any(s => s.BaseType == t)).ToList();
        Assert.NotEmpty(leaves);
        Assert.All(leaves, t => Assert.True(made.Contains(t), $"{t.Name} is never made by this test."));
    }
}
