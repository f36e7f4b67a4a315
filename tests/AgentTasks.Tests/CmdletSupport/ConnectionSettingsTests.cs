using AgentTasks.Core;
using AgentTasks.Core.CmdletSupport;
using AgentTasks.Core.Models;

namespace AgentTasks.Tests.CmdletSupport;

/// <summary>The runspace connection: which token, version and cache a call uses, and how Get-CopilotAgentConnection describes it.</summary>
public class ConnectionSettingsTests
{
    [Fact]
    public void ATokenGivenToTheCallWinsOverTheConnection()
    {
        var settings = new ConnectionSettings { Token = new CopilotToken("kept", "Connect-CopilotAgent"), ApiVersion = "2022-11-28", BaseUri = new Uri("http://127.0.0.1:5099") };
        Assert.Equal("explicit", settings.ToClientOptions(new CopilotToken("call")).Token!.Source);
        var fromConnection = settings.ToClientOptions(null);
        Assert.Equal(("Connect-CopilotAgent", "2022-11-28"), (fromConnection.Token!.Source, fromConnection.ApiVersion));
        Assert.Equal(CopilotClientOptions.DefaultApiVersion, new ConnectionSettings().ToClientOptions(null).ApiVersion);
        Assert.Same(settings.Cache, fromConnection.Cache);
    }

    [Fact]
    public void TheConnectionIsDescribedWithoutTheToken()
    {
        const string secret = "ghp_DoNotShowMe";
        var settings = new ConnectionSettings { Token = new CopilotToken(secret, "Connect-CopilotAgent"), DefaultRepository = RepositoryName.Parse("octo/repo") };
        var info = settings.Describe(_ => null);
        Assert.Equal(("Connect-CopilotAgent", "octo/repo", "https://api.github.com/"), (info.TokenSource, info.DefaultRepository, info.BaseUri!.AbsoluteUri));
        Assert.True(info.HasToken);
        Assert.All(typeof(CopilotAgentConnection).GetProperties(), p => Assert.DoesNotContain(secret, p.GetValue(info)?.ToString() ?? ""));
    }

    [Fact]
    public void AnEmptyConnectionFallsBackToTheEnvironment()
    {
        var info = new ConnectionSettings().Describe(name => name == "GITHUB_TOKEN" ? "x" : name == "GITHUB_API_URL" ? "https://ghe.example.com/api/v3" : null);
        Assert.Equal(("GITHUB_TOKEN", "https://ghe.example.com/api/v3/"), (info.TokenSource, info.BaseUri!.AbsoluteUri));
        var nothing = new ConnectionSettings().Describe(name => name == "GITHUB_API_URL" ? "http://insecure.example.com" : null);
        Assert.Equal("none", nothing.TokenSource);
        Assert.False(nothing.HasToken);
        Assert.Null(nothing.BaseUri);
    }

    [Theory]
    [InlineData("2026-03-10\n")]
    [InlineData("\u0662\u0660\u0662\u0666-\u0660\u0663-\u0661\u0660")]
    [InlineData("2026-13-45")]
    public void AnApiVersionThatCannotBeSentIsRefusedWhenKept(string version) =>
        Assert.Throws<ArgumentException>(() => new ConnectionSettings { ApiVersion = version });

    [Fact]
    public void AnUnusableTokenInTheEnvironmentIsDescribedAsNoToken()
    {
        var info = new ConnectionSettings().Describe(name => name == "GH_TOKEN" ? "ghp_bad\ntoken" : null);
        Assert.Equal("none", info.TokenSource);
        Assert.False(info.HasToken);
    }
}
