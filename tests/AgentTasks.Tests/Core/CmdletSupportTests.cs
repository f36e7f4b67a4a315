using System.Security;
using AgentTasks.Core.CmdletSupport;
using AgentTasks.Core.Models;
using AgentTasks.Core;

namespace AgentTasks.Tests.Core;

/// <summary>The pieces of the core that exist for the cmdlets: state input, -WhatIf text, connection settings,
/// SecureString tokens and model completion.</summary>
public class CmdletSupportTests
{
    [Theory]
    [InlineData("in_progress", CopilotTaskState.InProgress)]
    [InlineData("InProgress", CopilotTaskState.InProgress)]
    [InlineData("IN-PROGRESS", CopilotTaskState.InProgress)]
    [InlineData("waiting_for_user", CopilotTaskState.WaitingForUser)]
    [InlineData(" timedout ", CopilotTaskState.TimedOut)]
    public void StatesAreReadInEitherSpelling(string text, CopilotTaskState expected) =>
        Assert.Equal(expected, TaskStates.ParseUserInput(text));

    [Theory]
    [InlineData("done")]
    [InlineData("unknown")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownStateInputIsRefusedWithTheList(string? text)
    {
        var error = Assert.Throws<ArgumentException>(() => TaskStates.ParseUserInput(text));
        Assert.Contains("waiting_for_user", error.Message);
    }

    [Fact]
    public void WhatIfShowsTheStartOfThePromptOnOneLine()
    {
        var prompt = "Fix the login button\non the homepage, then   add tests for every browser we support today and tomorrow";
        var preview = WhatIfText.PromptPreview(prompt);
        Assert.DoesNotContain("\n", preview);
        Assert.StartsWith("Fix the login button on the homepage, then add", preview);
        Assert.EndsWith("…", preview);
        Assert.True(preview.Length <= WhatIfText.PromptPreviewLength + 1);
        Assert.Equal("Short prompt", WhatIfText.PromptPreview("  Short prompt "));
        Assert.Contains("\"Short prompt\"", WhatIfText.StartTaskAction("Short prompt"));
    }

    [Fact]
    public void ATokenGivenToTheCallWinsOverTheConnection()
    {
        var settings = new ConnectionSettings { Token = new CopilotToken("kept", "Connect-CopilotAgent"), ApiVersion = "2022-11-28", BaseUri = new Uri("http://127.0.0.1:5099") };
        Assert.Equal("explicit", settings.ToClientOptions(new CopilotToken("call"), null).Token!.Source);
        var fromConnection = settings.ToClientOptions(null, null);
        Assert.Equal(("Connect-CopilotAgent", "2022-11-28"), (fromConnection.Token!.Source, fromConnection.ApiVersion));
        Assert.Equal(CopilotClientOptions.DefaultApiVersion, new ConnectionSettings().ToClientOptions(null, null).ApiVersion);
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
    public void KnownModelsAreTheDocumentedOnes()
    {
        Assert.Contains("claude-sonnet-4.6", KnownModels.All);
        Assert.Contains("gpt-5.3-codex", KnownModels.All);
        Assert.Equal(KnownModels.All.Count, KnownModels.All.Distinct().Count());
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
