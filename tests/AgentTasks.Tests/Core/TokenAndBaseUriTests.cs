using System.Security;
using AgentTasks.Core;
using AgentTasks.Core.Errors;

namespace AgentTasks.Tests.Core;

public class TokenAndBaseUriTests
{
    private const string Secret = "ghp_TopSecretValue42";

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void ExplicitTokenComesFirst() =>
        Assert.Equal("explicit", TokenResolver.Resolve(new CopilotToken("a"), Env(("GH_TOKEN", "b"), ("GITHUB_TOKEN", "c"))).Source);

    [Fact]
    public void GhTokenBeatsGitHubToken() =>
        Assert.Equal("GH_TOKEN", TokenResolver.Resolve(null, Env(("GH_TOKEN", "b"), ("GITHUB_TOKEN", "c"))).Source);

    [Fact]
    public void GitHubTokenIsTheLastResort() =>
        Assert.Equal("GITHUB_TOKEN", TokenResolver.Resolve(null, Env(("GH_TOKEN", "  "), ("GITHUB_TOKEN", "c"))).Source);

    [Fact]
    public void NoTokenAnywhereIsAClearConfigurationError()
    {
        var error = Assert.Throws<CopilotConfigurationException>(() => TokenResolver.Resolve(null, Env()));
        Assert.Equal(ErrorIds.TokenMissing, error.ErrorId);
        Assert.Contains("GH_TOKEN", error.Message);
    }

    [Fact]
    public void ClientWithoutTokenFailsBeforeAnyRequest()
    {
        var options = new CopilotClientOptions { Environment = Env(), BaseUri = new Uri("http://127.0.0.1:1/") };
        Assert.Throws<CopilotConfigurationException>(() => new CopilotTaskClient(options));
    }

    [Fact]
    public void TokenNeverShowsInItsPublicFace()
    {
        var token = new CopilotToken(Secret);
        Assert.DoesNotContain(Secret, token.ToString());
        foreach (var property in typeof(CopilotToken).GetProperties())
        {
            Assert.NotEqual(Secret, property.GetValue(token)?.ToString());
        }
    }

    [Theory]
    [InlineData("ghs_abc", true)]
    [InlineData("ghp_abc", false)]
    [InlineData("github_pat_abc", false)]
    [InlineData("ghu_abc", false)]
    public void InstallationTokensAreRecognised(string value, bool installation) =>
        Assert.Equal(installation, new CopilotToken(value).IsInstallationToken);

    [Fact]
    public void BaseUriDefaultsToGitHubThenToTheEnvironment()
    {
        Assert.Equal("https://api.github.com/", ApiBaseUri.Resolve(null, Env()).AbsoluteUri);
        Assert.Equal("https://ghe.example.com/api/v3/", ApiBaseUri.Resolve(null, Env(("GITHUB_API_URL", "https://ghe.example.com/api/v3"))).AbsoluteUri);
        Assert.Equal("https://other.example.com/", ApiBaseUri.Resolve(new Uri("https://other.example.com"), Env(("GITHUB_API_URL", "https://ghe.example.com"))).AbsoluteUri);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5099")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://[::1]:5099/")]
    [InlineData("http://127.1.2.3/")]
    public void PlainHttpIsAcceptedForLoopbackOnly(string uri) => Assert.Equal("http", ApiBaseUri.Validate(new Uri(uri)).Scheme);

    [Theory]
    [InlineData("http://api.github.com")]
    [InlineData("http://10.0.0.5:5099")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("https://api.github.com/?x=1")]
    public void OtherBaseUrisAreRefused(string uri)
    {
        var error = Assert.Throws<CopilotConfigurationException>(() => ApiBaseUri.Validate(new Uri(uri)));
        Assert.Equal(ErrorIds.InvalidBaseUri, error.ErrorId);
    }

    [Fact]
    public void CredentialsInTheBaseUriAreRefusedWithoutBeingRepeated()
    {
        var error = Assert.Throws<CopilotConfigurationException>(() => ApiBaseUri.Validate(new Uri($"https://user:{Secret}@api.github.com/")));
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public void AGarbledEnvironmentBaseUriIsAConfigurationError() =>
        Assert.Throws<CopilotConfigurationException>(() => ApiBaseUri.Resolve(null, Env(("GITHUB_API_URL", "not a uri"))));

    [Theory]
    [InlineData("2022-11-28", true)]
    [InlineData("2026-03-10", true)]
    [InlineData("latest", false)]
    [InlineData("2026-03-10\r\nX-Evil: 1", false)]
    [InlineData("2024-02-29", true)]
    [InlineData("2026-03-10\n", false)]
    [InlineData("2026-03-10\r", false)]
    [InlineData(" 2026-03-10", false)]
    [InlineData("2026-03-10\u0000", false)]
    [InlineData("\u0662\u0660\u0662\u0666-\u0660\u0663-\u0661\u0660", false)]
    [InlineData("\uFF12\uFF10\uFF12\uFF16-03-10", false)]
    [InlineData("2026-13-45", false)]
    [InlineData("2026-02-30", false)]
    [InlineData("2026-3-10", false)]
    [InlineData("", false)]
    public void ApiVersionMustBeADate(string version, bool accepted)
    {
        var options = new CopilotClientOptions { ApiVersion = version, Token = new CopilotToken("t"), Environment = Env() };
        if (accepted)
        {
            Assert.Equal(version, new CopilotTaskClient(options).ApiVersion);
        }
        else
        {
            Assert.Throws<ArgumentException>(() => new CopilotTaskClient(options));
        }
    }

    [Fact]
    public void NoApiVersionIsRefusedToo()
    {
        var options = new CopilotClientOptions { ApiVersion = null!, Token = new CopilotToken("t"), Environment = Env() };
        Assert.Throws<ArgumentException>(() => new CopilotTaskClient(options));
    }

    // Each of these broke the Authorization header (a FormatException from HttpClient), was sent cut short (NUL), or
    // failed inside HttpClient as if the network were broken (non-ASCII), after retries.
    [Theory]
    [InlineData("to\r\nken")]
    [InlineData("to\nken")]
    [InlineData("to\rken")]
    [InlineData("tok\u0000x")]
    [InlineData("tok\u0001x")]
    [InlineData("tok\u007Fx")]
    [InlineData("tok\u001B[2J")]
    [InlineData("t\u00F6k")]
    [InlineData("\uFF54\uFF4F\uFF4B")]
    [InlineData("tok\u200B")]
    [InlineData("to ken")]
    [InlineData("to\tken")]
    [InlineData("ghp_abc\u00A0def")]
    public void HeaderUnsafeTokensAreRefusedWithoutBeingRepeated(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new CopilotToken(value));
        Assert.Contains("token", error.Message);
        Assert.DoesNotContain(value.Trim(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Message, c => char.IsControl(c));
    }

    [Fact]
    public void ATokenLongerThanAnyGitHubTokenIsRefused()
    {
        Assert.Equal(4096, new CopilotToken(new string('t', 4096)).Value.Length);
        var error = Assert.Throws<ArgumentException>(() => new CopilotToken(new string('t', 4097)));
        Assert.Contains("4097 characters", error.Message);
        Assert.DoesNotContain("tttt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATokenReadFromAFileKeepsNoTrailingNewline() =>
        Assert.Equal("ghp_fromfile", new CopilotToken("ghp_fromfile\r\n").Value);

    [Fact]
    public void ASecureStringWithANulIsRefusedNotCutShort()
    {
        var secure = new SecureString();
        foreach (var c in "tok\0x")
        {
            secure.AppendChar(c);
        }

        Assert.Throws<ArgumentException>(() => CopilotToken.FromSecureString(secure));
    }

    [Theory]
    [InlineData("GH_TOKEN")]
    [InlineData("GITHUB_TOKEN")]
    public void AnUnusableTokenInTheEnvironmentNamesTheVariableNotTheToken(string variable)
    {
        const string value = "ghp_Secret\nValue";
        var error = Assert.Throws<ArgumentException>(() => TokenResolver.Resolve(null, Env((variable, value))));
        Assert.Contains(variable, error.Message);
        Assert.DoesNotContain("ghp_Secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnusableGhTokenIsReportedRatherThanPassedOverForGitHubToken() =>
        Assert.Contains("GH_TOKEN", Assert.Throws<ArgumentException>(() => TokenResolver.Resolve(null, Env(("GH_TOKEN", "t\u00F6k"), ("GITHUB_TOKEN", "fine")))).Message);

    [Theory]
    [InlineData("https://api.github.com/api\nv3")]
    [InlineData("https://api.github.com/a\u0000b")]
    [InlineData("https://api.github.com/a b")]
    public void AnEnvironmentBaseUriWithControlCharactersOrSpacesIsRefused(string value)
    {
        var error = Assert.Throws<CopilotConfigurationException>(() => ApiBaseUri.Resolve(null, Env(("GITHUB_API_URL", value))));
        Assert.Equal(ErrorIds.InvalidBaseUri, error.ErrorId);
        Assert.DoesNotContain(error.Message, c => char.IsControl(c));
    }

    [Fact]
    public void AGivenBaseUriWithControlCharactersIsRefused() =>
        Assert.Throws<CopilotConfigurationException>(() => ApiBaseUri.Validate(new Uri("http://127.0.0.1:5099/a\nb")));

    [Fact]
    public void ARedactedBaseUriKeepsNoUserInformationQueryOrFragment()
    {
        Assert.Equal("https://ghe.example.com/api/v3", ApiBaseUri.Redacted(new Uri($"https://me:{Secret}@ghe.example.com/api/v3?t={Secret}#{Secret}")));
        Assert.Equal("(a relative URI)", ApiBaseUri.Redacted(new Uri("api/v3", UriKind.Relative)));
    }

    [Fact]
    public void ASecureStringBecomesAToken()
    {
        var secure = new SecureString();
        foreach (var c in "ghs_fromSecure")
        {
            secure.AppendChar(c);
        }

        var token = CopilotToken.FromSecureString(secure, "Connect-CopilotAgent");
        Assert.True(token.IsInstallationToken);
        Assert.Equal("ghs_fromSecure", token.Value);
        Assert.Equal("Connect-CopilotAgent", token.Source);
    }

    [Fact]
    public void ConfigurationAndTokenRejectionsStopAPipelineButOtherErrorsDoNot()
    {
        var missing = Assert.Throws<AgentTasks.Core.Errors.CopilotConfigurationException>(() => TokenResolver.Resolve(null, _ => null));
        Assert.True(missing.AffectsEveryCall);
        Assert.Equal("AuthenticationError", missing.Category);
        var badUri = Assert.Throws<AgentTasks.Core.Errors.CopilotConfigurationException>(() => ApiBaseUri.Validate(new Uri("http://example.com")));
        Assert.Equal("InvalidArgument", badUri.Category);
    }
}
