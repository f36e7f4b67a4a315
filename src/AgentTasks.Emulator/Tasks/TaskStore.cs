using System.Text;

namespace AgentTasks.Emulator.Tasks;

/// <summary>The emulator's tasks, in memory. Every method is safe to call from concurrent requests.</summary>
internal sealed class TaskStore
{
    private const int NameLength = 80;
    private const int BranchSlugLength = 40;
    private const string DefaultModel = "claude-sonnet-4.6";
    private const string DefaultBaseRef = "main";

    private readonly object gate = new();
    private readonly Lifecycle initialLifecycle;
    private readonly Dictionary<string, EmulatedTask> tasksById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> ownerIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> repositoryIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<TaskScope, TaskIndex> indexes = [];
    private Lifecycle lifecycle;
    private long sequence;

    public TaskStore(Lifecycle lifecycle)
    {
        initialLifecycle = lifecycle;
        this.lifecycle = lifecycle;
    }

    /// <summary>Starts a task that moves through its states over time.</summary>
    public EmulatedTask Start(string owner, string repo, long creatorId, NewTask request, DateTimeOffset now)
    {
        lock (gate)
        {
            return Add(owner, repo, creatorId, request, now, lifecycle.Schedule(now, request.Prompt), archivedAt: null);
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> finished-looking tasks frozen in <paramref name="state"/>, one minute apart and
    /// newest last, so that lists have something to page through without waiting.
    /// </summary>
    public IReadOnlyList<EmulatedTask> Seed(
        string owner, string repo, int count, string state, bool archived, long creatorId, string? prompt, DateTimeOffset now)
    {
        var seeded = new List<EmulatedTask>(count);
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                var createdAt = now - TimeSpan.FromMinutes(count - i);
                var updatedAt = state == StateNames.Queued ? createdAt : createdAt + TimeSpan.FromSeconds(30);
                var request = new NewTask(prompt ?? $"Seeded task {i + 1}");
                seeded.Add(Add(owner, repo, creatorId, request, createdAt, new FrozenTimeline(state, updatedAt),
                    archived ? updatedAt : null));
            }
        }

        return seeded;
    }

    /// <summary>The owner and name of a repository id the store has given out, or null.</summary>
    public (string Owner, string Repo)? RepositoryOf(long id)
    {
        lock (gate)
        {
            foreach (var (name, given) in repositoryIds)
            {
                if (given == id)
                {
                    var slash = name.IndexOf('/');
                    return (name[..slash], name[(slash + 1)..]);
                }
            }
            return null;
        }
    }

    public EmulatedTask? Find(string id)
    {
        lock (gate)
        {
            return tasksById.GetValueOrDefault(id);
        }
    }

    /// <summary>
    /// The tasks at <paramref name="offset"/> of <paramref name="scope"/>'s archived or other tasks, in the order asked
    /// for, without sorting them all.
    /// </summary>
    public ListPage Page(
        TaskScope scope, bool archived, bool sortByCreated, bool ascending, long offset, int count, DateTimeOffset now)
    {
        lock (gate)
        {
            return indexes.TryGetValue(scope, out var index)
                ? new ListPage(index.Slice(archived, sortByCreated, ascending, offset, count, now), index.ActiveCount, index.ArchivedCount)
                : new ListPage([], 0, 0);
        }
    }

    /// <summary>
    /// The tasks that <paramref name="matches"/> at <paramref name="offset"/> of <paramref name="scope"/>'s archived or
    /// other tasks, in the order asked for, with the counts of those that match on either side; walked off the index,
    /// not sorted.
    /// </summary>
    public ListPage PageWhere(
        TaskScope scope, bool archived, bool sortByCreated, bool ascending, long offset, int count, DateTimeOffset now, Func<EmulatedTask, bool> matches)
    {
        lock (gate)
        {
            if (!indexes.TryGetValue(scope, out var index))
            {
                return new ListPage([], 0, 0);
            }

            var (activeCount, archivedCount) = index.CountWhere(matches);
            return new ListPage(index.SliceWhere(archived, sortByCreated, ascending, offset, count, now, matches), activeCount, archivedCount);
        }
    }

    /// <summary>Puts a task in <paramref name="state"/> from now on, stopping its schedule.</summary>
    public EmulatedTask? Freeze(string id, string state, DateTimeOffset now)
    {
        lock (gate)
        {
            if (tasksById.GetValueOrDefault(id) is not { } task)
            {
                return null;
            }

            var previous = task.Timeline;
            task.Timeline = new FrozenTimeline(state, now);
            foreach (var scope in ScopesOf(task))
            {
                indexes[scope].Retime(task, previous);
            }

            return task;
        }
    }

    /// <summary>Changes the durations of tasks started from now on.</summary>
    public void SetLifecycle(TimeSpan? queuedFor, TimeSpan? runningFor, double? timeScale)
    {
        lock (gate)
        {
            lifecycle = new Lifecycle(
                queuedFor ?? lifecycle.QueuedFor, runningFor ?? lifecycle.RunningFor, timeScale ?? lifecycle.TimeScale);
        }
    }

    /// <summary>Forgets every task and restores the durations the emulator started with.</summary>
    public void Reset()
    {
        lock (gate)
        {
            tasksById.Clear();
            indexes.Clear();
            ownerIds.Clear();
            repositoryIds.Clear();
            lifecycle = initialLifecycle;
            sequence = 0;
        }
    }

    private EmulatedTask Add(
        string owner, string repo, long creatorId, NewTask request, DateTimeOffset createdAt, TaskTimeline timeline,
        DateTimeOffset? archivedAt)
    {
        var number = ++sequence;
        var name = NameOf(request.Prompt);
        var task = new EmulatedTask(timeline)
        {
            Id = Guid.NewGuid().ToString(),
            Sequence = number,
            Owner = owner,
            Repo = repo,
            OwnerId = IdFor(ownerIds, owner, firstId: 1001),
            RepositoryId = IdFor(repositoryIds, $"{owner}/{repo}", firstId: 100001),
            CreatorId = creatorId,
            Prompt = request.Prompt,
            Name = name,
            Model = request.Model ?? DefaultModel,
            CustomAgent = request.CustomAgent,
            CreatePullRequest = request.CreatePullRequest,
            BaseRef = request.BaseRef ?? DefaultBaseRef,
            HeadRef = request.HeadRef ?? $"copilot/{Slug(name)}",
            SessionId = Guid.NewGuid().ToString(),
            CreatedAt = createdAt,
            ArchivedAt = archivedAt,
            PullRequestId = 2_000_000_000 + number,
            UsageNanoCredits = (number % 7 + 1) * 350_000_000,
        };
        tasksById.Add(task.Id, task);
        foreach (var scope in ScopesOf(task))
        {
            if (!indexes.TryGetValue(scope, out var index))
            {
                index = new TaskIndex();
                indexes.Add(scope, index);
            }

            index.Add(task);
        }

        return task;
    }

    /// <summary>The lists a task appears in: its repository's and its creator's.</summary>
    private static TaskScope[] ScopesOf(EmulatedTask task) => [TaskScope.Of(task.Owner, task.Repo), TaskScope.Of(task.CreatorId)];

    /// <summary>Ids are stable per name, as GitHub's are, and differ between names.</summary>
    private static long IdFor(Dictionary<string, long> ids, string name, long firstId)
    {
        if (!ids.TryGetValue(name, out var id))
        {
            id = firstId + ids.Count;
            ids.Add(name, id);
        }

        return id;
    }

    private static string NameOf(string prompt)
    {
        var firstLine = prompt.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";
        return firstLine.Length <= NameLength ? firstLine : firstLine[..NameLength];
    }

    /// <summary>A branch name like Copilot's own, <c>copilot/fix-the-login-button</c>.</summary>
    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length == BranchSlugLength)
            {
                break;
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length > 0 ? text : "task";
    }
}
