using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Http;
using AgentTasks.Core.Models;
using AgentTasks.Core.Wire;

namespace AgentTasks.Core;

/// <summary>Names the repositories of tasks that carry only <c>repository.id</c> (the user-wide listing's items) with
/// GitHub's GET /repositories/{id}: once per repository and token for a connection's cache, and never failing the
/// listing: a repository the token may not see keeps its id, and the verbose stream says why.</summary>
internal sealed class RepositoryNamer
{
    private readonly ApiSender sender;
    private readonly Uri baseUri;
    private readonly ResponseCache cache;
    private readonly string keyPrefix;
    private readonly Action<string>? log;

    public RepositoryNamer(ApiSender sender, Uri baseUri, ResponseCache cache, CopilotToken token, Action<string>? log)
    {
        this.sender = sender;
        this.baseUri = baseUri;
        this.cache = cache;
        keyPrefix = token.Fingerprint + " " + baseUri.AbsoluteUri + " ";
        this.log = log;
    }

    /// <param name="oneAtATime">A listing's: its own requests and these never overlap.</param>
    public async Task NameAsync(IEnumerable<CopilotTask> tasks, SemaphoreSlim? oneAtATime, CancellationToken cancellationToken)
    {
        foreach (var group in tasks.Where(t => t.Repository is null && t.RepositoryId is not null).GroupBy(t => t.RepositoryId!.Value))
        {
            if (await NameOfAsync(group.Key, oneAtATime, cancellationToken).ConfigureAwait(false) is not { } name)
            {
                continue;
            }

            foreach (var task in group)
            {
                task.Owner = name.Owner;
                task.Repo = name.Repo;
                task.Url ??= new Uri(baseUri, $"agents/repos/{name.Owner}/{name.Repo}/tasks/{Uri.EscapeDataString(task.Id)}").AbsoluteUri;
                task.HtmlUrl ??= $"{WebRoot()}{name.Owner}/{name.Repo}/copilot/tasks/{Uri.EscapeDataString(task.Id)}";
            }
        }
    }

    private async Task<RepositoryName?> NameOfAsync(long id, SemaphoreSlim? oneAtATime, CancellationToken cancellationToken)
    {
        var key = keyPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (cache.TryGetRepositoryName(key, out var known))
        {
            return known;
        }

        var uri = new Uri(baseUri, "repositories/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var result = await sender.SendAsync(new ApiCall(HttpMethod.Get, uri, null, taskScoped: false) { OneAtATime = oneAtATime }, WireJson.ReadRepository, cancellationToken).ConfigureAwait(false);
            var name = result.Value.FullName is { } full && full.Split('/') is { Length: 2 } parts ? new RepositoryName(parts[0], parts[1]) : null;
            cache.StoreRepositoryName(key, name);
            return name;
        }
        catch (CopilotApiException e) when (e.StatusCode is 403 or 404)
        {
            log?.Invoke($"Repository {id} keeps its id: the token may not see it ({e.StatusCode}).");
            cache.StoreRepositoryName(key, null);
            return null;
        }
        catch (CopilotException e) when (!e.AffectsEveryCall)
        {
            // Trouble of the moment: this listing goes on without the name, a later one asks again.
            log?.Invoke($"Repository {id} keeps its id for now: {e.Message}");
            return null;
        }
        catch (ArgumentException e)
        {
            log?.Invoke($"Repository {id} keeps its id: GitHub named it in a way this module does not accept ({e.Message}).");
            cache.StoreRepositoryName(key, null);
            return null;
        }
    }

    // Where a task's page is: github.com for api.github.com (and the emulator, which links there too), else the
    // Enterprise Server host whose API lives under /api/v3.
    private string WebRoot() =>
        baseUri.AbsolutePath.EndsWith("/api/v3/", StringComparison.OrdinalIgnoreCase)
            ? $"{baseUri.Scheme}://{baseUri.Authority}/"
            : "https://github.com/";
}
