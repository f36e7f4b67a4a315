using System;
using System.Collections.Generic;
using System.Linq;
using AgentTasks.Core.Models;

namespace AgentTasks.Core.Wire;

/// <summary>Turns wire shapes into the public models, and works out which repository a task belongs to.</summary>
internal static class TaskMapper
{
    public static CopilotTask ToTask(TaskDto dto, RepositoryName? knownRepository)
    {
        var repository = knownRepository ?? RepositoryOf(dto);
        return new CopilotTask
        {
            Id = dto.Id ?? "",
            Name = dto.Name,
            StateValue = dto.State ?? "",
            Owner = repository?.Owner,
            Repo = repository?.Repo,
            RepositoryId = dto.Repository?.Id,
            OwnerId = dto.Owner?.Id,
            CreatorId = dto.Creator?.Id,
            CreatorType = dto.CreatorType,
            SessionCount = dto.SessionCount,
            CustomAgent = dto.CustomAgent?.Id,
            CreatedAt = dto.CreatedAt ?? default,
            UpdatedAt = dto.UpdatedAt,
            ArchivedAt = dto.ArchivedAt,
            Url = dto.Url,
            HtmlUrl = dto.HtmlUrl,
            Artifacts = Map(dto.Artifacts, ToArtifact),
            Sessions = Map(dto.Sessions, ToSession),
        };
    }

    // A loop, not LINQ: a listing maps every task, and most lists are empty (sessions) or hold one item (artifacts).
    private static TModel[] Map<TDto, TModel>(List<TDto?>? items, Func<TDto, TModel> map)
        where TDto : class
    {
        if (items is null || items.Count == 0)
        {
            return Array.Empty<TModel>();
        }

        var count = 0;
        foreach (var item in items)
        {
            count += item is null ? 0 : 1;
        }

        var mapped = new TModel[count];
        var at = 0;
        foreach (var item in items)
        {
            if (item is not null)
            {
                mapped[at++] = map(item);
            }
        }

        return mapped;
    }

    private static CopilotTaskArtifact ToArtifact(ArtifactDto dto) => new()
    {
        Provider = dto.Provider ?? "",
        Type = dto.Type ?? "",
        PullRequestDatabaseId = dto.Data?.Id,
        PullRequestGlobalId = dto.Data?.GlobalId,
        HeadRef = dto.Data?.HeadRef,
        BaseRef = dto.Data?.BaseRef,
    };

    private static CopilotTaskSession ToSession(SessionDto dto) => new()
    {
        SessionId = dto.Id ?? "",
        TaskId = dto.TaskId,
        Name = dto.Name,
        StateValue = dto.State ?? "",
        UserId = dto.User?.Id,
        OwnerId = dto.Owner?.Id,
        RepositoryId = dto.Repository?.Id,
        Prompt = dto.Prompt,
        Model = dto.Model,
        HeadRef = dto.HeadRef,
        BaseRef = dto.BaseRef,
        CreatedAt = dto.CreatedAt ?? default,
        UpdatedAt = dto.UpdatedAt,
        CompletedAt = dto.CompletedAt,
        Usage = dto.Usage is null ? null : new CopilotTaskUsage { Type = dto.Usage.Type ?? "", Amount = dto.Usage.Amount ?? 0 },
        ErrorMessage = dto.Error?.Message,
    };

    /// <summary>From the richest source there is: <c>repository.full_name</c>, then the API URL
    /// (<c>/agents/repos/OWNER/REPO/tasks/ID</c>), then the web URL (<c>/OWNER/REPO/copilot/tasks/ID</c>).</summary>
    internal static RepositoryName? RepositoryOf(TaskDto dto) => RepositoryOf(dto.Repository?.FullName, dto.Url, dto.HtmlUrl);

    internal static RepositoryName? RepositoryOf(string? fullName, string? url, string? htmlUrl)
    {
        if (fullName?.Split('/') is { Length: 2 } parts && TryName(parts, 0, out var fromFullName))
        {
            return fromFullName;
        }

        if (PathSegments(url) is { } api)
        {
            var at = Array.IndexOf(api, "repos");
            if (at > 0 && api[at - 1] == "agents" && TryName(api, at + 1, out var fromApi))
            {
                return fromApi;
            }
        }
        if (PathSegments(htmlUrl) is { } web)
        {
            var at = Array.IndexOf(web, "copilot");
            if (at >= 2 && TryName(web, at - 2, out var fromWeb))
            {
                return fromWeb;
            }
        }
        return null;
    }

    private static readonly char[] PathSeparator = { '/' };

    private static string[]? PathSegments(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.AbsolutePath.Split(PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray()
            : null;

    private static bool TryName(string[] parts, int at, out RepositoryName? name)
    {
        name = null;
        if (at < 0 || parts.Length < at + 2)
        {
            return false;
        }

        try
        {
            name = new RepositoryName(parts[at], parts[at + 1]);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
