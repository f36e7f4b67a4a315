using System.Net;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Emulator;

/// <summary>ETags, 304s and the rate-limit budget they spare.</summary>
public class ConditionalRequestTests(EmulatorFixture emulator) : EmulatorTestBase(emulator)
{
    [Fact]
    public async Task AMatchingIfNoneMatchIs304WithNoBodyAndCostsNothing()
    {
        var id = (await Control.SeedAsync("octo-org", "hello-world", 1)).Single();
        using var first = await Api.GetAsync($"agents/tasks/{id}");
        var etag = first.Header("ETag");
        Assert.StartsWith("W/\"", etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"agents/tasks/{id}");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var notModified = await Api.SendAsync(conditional);
        using var after = await Api.GetAsync($"agents/tasks/{id}");

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Header("ETag"));
        var remaining = int.Parse(first.Header("x-ratelimit-remaining"));
        Assert.Equal(remaining, int.Parse(notModified.Header("x-ratelimit-remaining")));
        Assert.Equal(remaining - 1, int.Parse(after.Header("x-ratelimit-remaining")));
    }

    [Fact]
    public async Task TheETagChangesWhenTheTaskDoes()
    {
        var id = (await Control.SeedAsync("octo-org", "hello-world", 1, state: "in_progress")).Single();
        using var before = await Api.GetAsync($"agents/repos/octo-org/hello-world/tasks/{id}");
        await Control.SetStateAsync(id, "waiting_for_user");

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"agents/repos/octo-org/hello-world/tasks/{id}");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", before.Header("ETag"));
        using var changed = await Api.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(before.Header("ETag"), changed.Header("ETag"));
    }

    [Fact]
    public async Task ListsAreTaggedButErrorsAndPostsAreNot()
    {
        using var list = await Api.GetAsync("agents/tasks");
        using var error = await Api.GetAsync($"agents/tasks/{Guid.NewGuid()}");
        using var post = await Api.PostAsync("agents/repos/octo-org/hello-world/tasks", """{"prompt":"p"}""");

        Assert.True(list.Headers.Contains("ETag"));
        Assert.False(error.Headers.Contains("ETag"));
        Assert.False(post.Headers.Contains("ETag"));
    }
}
