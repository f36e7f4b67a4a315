using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using AgentTasks.Core.Models;

namespace AgentTasks.Core.Wire;

/// <summary>
/// The quick pass of <see cref="TaskPage.Read"/>: one walk of a list body with <see cref="Utf8JsonReader"/> that makes
/// each task's model at once, with no wire object in between, and the few values a page repeats on every task (state,
/// creator type, artifact provider and type) as shared strings. It reads the members of <see cref="TaskDto"/> by the
/// names the source-generated context reads (snake_case, case-sensitive; the last of a repeated member wins) and maps
/// them as <see cref="TaskMapper"/> does. Anything else (a value of another type, a number in a string, sessions, a
/// null task, an id the rules refuse) gives null, and the full reader decides.
/// </summary>
internal static class TaskPageReader
{
    private static readonly KnownText States = new(TaskStates.Known.Select(TaskStates.ToWire));
    private static readonly KnownText CreatorTypes = new(new[] { "user", "organization" });
    private static readonly KnownText Providers = new(new[] { "github" });
    private static readonly KnownText ArtifactTypes = new(new[] { "branch", "pull" });

    public static TaskPage? TryRead(ReadOnlySpan<byte> utf8, RepositoryName? knownRepository)
    {
        var reader = new Utf8JsonReader(WireJson.WithoutBom(utf8));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        List<CopilotTask>? tasks = null;
        int? active = null;
        int? archived = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("tasks"u8))
            {
                if (!TryReadTasks(ref reader, knownRepository, out tasks))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("total_active_count"u8))
            {
                if (!TryInt(ref reader, out active))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("total_archived_count"u8))
            {
                if (!TryInt(ref reader, out archived))
                {
                    return null;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        // Past the root object there may be only white space: Read throws on anything else.
        return reader.TokenType == JsonTokenType.EndObject && !reader.Read()
            ? new TaskPage(tasks ?? new List<CopilotTask>(), active, archived)
            : null;
    }

    private static bool TryReadTasks(ref Utf8JsonReader reader, RepositoryName? knownRepository, out List<CopilotTask>? tasks)
    {
        tasks = null;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        tasks = new List<CopilotTask>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (ReadTask(ref reader, knownRepository) is not { } task)
            {
                return false;
            }

            tasks.Add(task);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static CopilotTask? ReadTask(ref Utf8JsonReader reader, RepositoryName? knownRepository)
    {
        string? id = null, url = null, htmlUrl = null, name = null, creatorType = null, state = null, customAgent = null, fullName = null;
        long? creatorId = null, ownerId = null, repositoryId = null;
        int? sessionCount = null;
        DateTimeOffset? archivedAt = null, updatedAt = null, createdAt = null;
        CopilotTaskArtifact[]? artifacts = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var read = MemberOf(ref reader) switch
            {
                TaskMember.Id => TryString(ref reader, out id),
                TaskMember.Url => TryString(ref reader, out url),
                TaskMember.HtmlUrl => TryString(ref reader, out htmlUrl),
                TaskMember.Name => TryString(ref reader, out name),
                TaskMember.Creator => TryIdRef(ref reader, out creatorId, out _),
                TaskMember.CreatorType => CreatorTypes.TryRead(ref reader, out creatorType),
                TaskMember.Owner => TryIdRef(ref reader, out ownerId, out _),
                TaskMember.Repository => TryIdRef(ref reader, out repositoryId, out fullName),
                TaskMember.State => States.TryRead(ref reader, out state),
                TaskMember.SessionCount => TryInt(ref reader, out sessionCount),
                TaskMember.Artifacts => TryArtifacts(ref reader, out artifacts),
                TaskMember.ArchivedAt => TryDate(ref reader, out archivedAt),
                TaskMember.UpdatedAt => TryDate(ref reader, out updatedAt),
                TaskMember.CreatedAt => TryDate(ref reader, out createdAt),
                TaskMember.CustomAgent => TryCustomAgent(ref reader, out customAgent),
                // Sessions come only with a single task; the full reader maps them when a list has some.
                TaskMember.Sessions => reader.Read() && reader.TokenType == JsonTokenType.Null,
                _ => Skip(ref reader),
            };
            if (!read)
            {
                return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || !InputValidator.IsTaskId(id))
        {
            return null;
        }

        var repository = knownRepository ?? TaskMapper.RepositoryOf(fullName, url, htmlUrl);
        return new CopilotTask
        {
            Id = id!,
            Name = name,
            StateValue = state ?? "",
            Owner = repository?.Owner,
            Repo = repository?.Repo,
            RepositoryId = repositoryId,
            OwnerId = ownerId,
            CreatorId = creatorId,
            CreatorType = creatorType,
            SessionCount = sessionCount,
            CustomAgent = customAgent,
            CreatedAt = createdAt ?? default,
            UpdatedAt = updatedAt,
            ArchivedAt = archivedAt,
            Url = url,
            HtmlUrl = htmlUrl,
            Artifacts = artifacts ?? Array.Empty<CopilotTaskArtifact>(),
        };
    }

    private enum TaskMember
    {
        Other,
        Id,
        Url,
        HtmlUrl,
        Name,
        Creator,
        CreatorType,
        Owner,
        Repository,
        State,
        SessionCount,
        Artifacts,
        ArchivedAt,
        UpdatedAt,
        CreatedAt,
        CustomAgent,
        Sessions,
    }

    private static readonly (byte[] Name, TaskMember Member)[] TaskMembers = new[]
    {
        ("id", TaskMember.Id), ("url", TaskMember.Url), ("html_url", TaskMember.HtmlUrl), ("name", TaskMember.Name),
        ("creator", TaskMember.Creator), ("creator_type", TaskMember.CreatorType), ("owner", TaskMember.Owner),
        ("repository", TaskMember.Repository), ("state", TaskMember.State), ("session_count", TaskMember.SessionCount),
        ("artifacts", TaskMember.Artifacts), ("archived_at", TaskMember.ArchivedAt), ("updated_at", TaskMember.UpdatedAt),
        ("created_at", TaskMember.CreatedAt), ("custom_agent", TaskMember.CustomAgent), ("sessions", TaskMember.Sessions),
    }.Select(m => (Encoding.UTF8.GetBytes(m.Item1), m.Item2)).ToArray();

    /// <summary>Which member of a task the reader is on. A name as it usually comes (unescaped) is told by its length
    /// and bytes, without the escape handling of ValueTextEquals for each of sixteen names in turn.</summary>
    private static TaskMember MemberOf(ref Utf8JsonReader reader)
    {
        var escaped = reader.ValueIsEscaped;
        var name = reader.ValueSpan;
        foreach (var (utf8, member) in TaskMembers)
        {
            if (escaped ? reader.ValueTextEquals(utf8) : name.Length == utf8.Length && name.SequenceEqual(utf8))
            {
                return member;
            }
        }

        return TaskMember.Other;
    }

    /// <summary><c>{id, login, name, full_name}</c> as <see cref="IdRefDto"/> has them, or null.</summary>
    private static bool TryIdRef(ref Utf8JsonReader reader, out long? id, out string? fullName)
    {
        id = null;
        fullName = null;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var read =
                reader.ValueTextEquals("id"u8) ? TryLong(ref reader, out id)
                : reader.ValueTextEquals("full_name"u8) ? TryString(ref reader, out fullName)
                : reader.ValueTextEquals("login"u8) || reader.ValueTextEquals("name"u8) ? TryString(ref reader, out _)
                : Skip(ref reader);
            if (!read)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryCustomAgent(ref Utf8JsonReader reader, out string? id)
    {
        id = null;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!(reader.ValueTextEquals("id"u8) ? TryString(ref reader, out id) : Skip(ref reader)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryArtifacts(ref Utf8JsonReader reader, out CopilotTaskArtifact[]? artifacts)
    {
        artifacts = null;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        // A task has one artifact or two: no list for those.
        CopilotTaskArtifact? first = null;
        List<CopilotTaskArtifact>? more = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // The mapper leaves out null items.
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject || ReadArtifact(ref reader) is not { } artifact)
            {
                return false;
            }

            if (first is null)
            {
                first = artifact;
            }
            else
            {
                (more ??= new List<CopilotTaskArtifact> { first }).Add(artifact);
            }
        }

        artifacts = more?.ToArray() ?? (first is null ? Array.Empty<CopilotTaskArtifact>() : new[] { first });
        return true;
    }

    private static CopilotTaskArtifact? ReadArtifact(ref Utf8JsonReader reader)
    {
        string? provider = null, type = null, globalId = null, headRef = null, baseRef = null;
        long? pullRequestId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var read =
                reader.ValueTextEquals("provider"u8) ? Providers.TryRead(ref reader, out provider)
                : reader.ValueTextEquals("type"u8) ? ArtifactTypes.TryRead(ref reader, out type)
                : reader.ValueTextEquals("data"u8) ? TryArtifactData(ref reader, out pullRequestId, out globalId, out headRef, out baseRef)
                : Skip(ref reader);
            if (!read)
            {
                return null;
            }
        }

        return new CopilotTaskArtifact
        {
            Provider = provider ?? "",
            Type = type ?? "",
            PullRequestDatabaseId = pullRequestId,
            PullRequestGlobalId = globalId,
            HeadRef = headRef,
            BaseRef = baseRef,
        };
    }

    /// <summary><see cref="ArtifactDataDto"/>'s four members, or null.</summary>
    private static bool TryArtifactData(ref Utf8JsonReader reader, out long? id, out string? globalId, out string? headRef, out string? baseRef)
    {
        (id, globalId, headRef, baseRef) = (null, null, null, null);
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var read =
                reader.ValueTextEquals("id"u8) ? TryLong(ref reader, out id)
                : reader.ValueTextEquals("global_id"u8) ? TryString(ref reader, out globalId)
                : reader.ValueTextEquals("head_ref"u8) ? TryString(ref reader, out headRef)
                : reader.ValueTextEquals("base_ref"u8) ? TryString(ref reader, out baseRef)
                : Skip(ref reader);
            if (!read)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        reader.Read();
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    // A number in a string (which the context allows) is left to the full reader.
    private static bool TryLong(ref Utf8JsonReader reader, out long? value)
    {
        reader.Read();
        value = null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            value = number;
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    private static bool TryInt(ref Utf8JsonReader reader, out int? value)
    {
        reader.Read();
        value = null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            value = number;
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    private static bool TryDate(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        reader.Read();
        value = null;
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var date))
        {
            value = date;
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    private static bool Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }

    /// <summary>The values a member takes on almost every task, each read as one shared string; any other value is
    /// read as it comes.</summary>
    private sealed class KnownText
    {
        private readonly (byte[] Utf8, string Text)[] values;

        public KnownText(IEnumerable<string> texts) => values = texts.Select(t => (Encoding.UTF8.GetBytes(t), t)).ToArray();

        public bool TryRead(ref Utf8JsonReader reader, out string? value)
        {
            reader.Read();
            value = null;
            if (reader.TokenType == JsonTokenType.String)
            {
                var escaped = reader.ValueIsEscaped;
                var span = reader.ValueSpan;
                foreach (var (utf8, text) in values)
                {
                    if (escaped ? reader.ValueTextEquals(utf8) : span.SequenceEqual(utf8))
                    {
                        value = text;
                        return true;
                    }
                }

                value = reader.GetString();
                return true;
            }

            return reader.TokenType == JsonTokenType.Null;
        }
    }
}
