using System.Reflection;
using AgentTasks.Core;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Http;

namespace AgentTasks.Tests.Module;

/// <summary>The core names an ErrorCategory by string (it knows nothing of PowerShell); the cmdlets parse it with
/// Enum.TryParse&lt;ErrorCategory&gt; and fall back to NotSpecified. Every name the core can report must be a member
/// of ErrorCategory as the reference assembly declares it.</summary>
public class ErrorCategoryTests
{
    private static readonly int[] Statuses = { 400, 401, 403, 404, 418, 422, 429, 500, 502, 503 };

    /// <summary>One exception of every kind the core raises, made through the error table: every row of it.</summary>
    internal static IEnumerable<(string Case, CopilotException Error)> EveryKindOfError()
    {
        yield return ("no token", ErrorTable.TokenMissing("no token"));
        yield return ("bad base URI", ErrorTable.InvalidBaseUri("bad base URI"));
        yield return ("wait timeout", ErrorTable.WaitTimedOut("still running", "t1"));
        yield return ("incomplete listing", ErrorTable.ListingIncomplete("o/r", 3, "a page could not be read"));
        yield return ("unconfirmed start", ErrorTable.StartUnconfirmed(ErrorTable.WaitTimedOut("no answer", "o/r"), new RepositoryName("o", "r"), "Not found"));
        var call = new ApiCall(HttpMethod.Get, new Uri("https://api.github.com/agents/tasks"), "octo-org/hello-world", taskScoped: false);
        foreach (var kind in new[] { OutcomeKind.Timeout, OutcomeKind.NotSent, OutcomeKind.ConnectionLost, OutcomeKind.MalformedBody })
        {
            yield return (kind.ToString(), ErrorTable.For(call, new AttemptOutcome(kind, 200), 1, TimeSpan.FromSeconds(60), installationToken: false));
        }

        foreach (var status in Statuses)
        {
            foreach (var rateLimit in status is 403 or 429 ? new[] { RateLimitKind.None, RateLimitKind.Primary, RateLimitKind.Secondary } : new[] { RateLimitKind.None })
            {
                foreach (var taskScoped in status == 404 ? new[] { true, false } : new[] { true })
                {
                    yield return ($"{status} {rateLimit}{(taskScoped ? "" : " repository")}", ErrorTable.ForStatus(new ApiFailure { StatusCode = status, RateLimit = rateLimit }, false, taskScoped));
                }
            }
        }
    }

    [Fact]
    public void EveryErrorIdIsMadeByTheTableOrTheModule()
    {
        var declared = typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();
        var made = EveryKindOfError().Select(e => e.Error.ErrorId).ToHashSet();
        // The module makes these itself: from ArgumentException, for a page it cannot open, and from anything unforeseen.
        made.Add(ErrorIds.InvalidArgument);
        made.Add(ErrorIds.BrowserUnavailable);
        made.Add(ErrorIds.UnexpectedError);
        Assert.Equal(declared.OrderBy(x => x), made.OrderBy(x => x));
    }

    [Fact]
    public void EveryErrorIdHasAdvice()
    {
        var declared = typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);
        Assert.Equal(declared.OrderBy(x => x), ErrorAdvice.Known.OrderBy(x => x));
        Assert.All(ErrorAdvice.Known, id => Assert.False(string.IsNullOrWhiteSpace(ErrorAdvice.For(id))));
    }

    [Theory]
    [InlineData(429, "Secondary", "CopilotRateLimited", "LimitsExceeded")]
    [InlineData(403, "Primary", "CopilotRateLimited", "LimitsExceeded")]
    [InlineData(403, "None", "CopilotPermissionDenied", "PermissionDenied")]
    [InlineData(401, "None", "CopilotAuthenticationFailed", "AuthenticationError")]
    [InlineData(422, "None", "CopilotValidationFailed", "InvalidArgument")]
    [InlineData(502, "None", "CopilotServerError", "ResourceUnavailable")]
    public void TheTableMapsAStatusAndItsRateLimitKind(int status, string kind, string errorId, string category)
    {
        var error = ErrorTable.ForStatus(new ApiFailure { StatusCode = status, RateLimit = Enum.Parse<RateLimitKind>(kind) }, false, taskScoped: true);
        Assert.Equal((errorId, category), (error.ErrorId, error.Category));
    }

    public static TheoryData<string, string> Categories()
    {
        var data = new TheoryData<string, string>();
        foreach (var (label, error) in EveryKindOfError())
        {
            data.Add($"{label}: {error.GetType().Name} {error.ErrorId}", error.Category);
        }

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
