using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Models;
using AgentTasks.Core.Requests;

namespace AgentTasks.Core.Waiting;

/// <summary>Waits for tasks to stop running (leave queued and in_progress), one poll round at a time, so that
/// the caller can report progress between rounds from its own thread. Several tasks of one repository are
/// polled with one list request (<c>since</c> the oldest update among them, so the URL stays the same while
/// nothing changes and the conditional request answers 304); others with a conditional GET each.</summary>
internal sealed class TaskWaiter
{
    private const int ProgressTaskNames = 5;
    private readonly CopilotTaskClient client;
    private readonly WaitOptions options;
    private readonly IClock clock;
    private readonly DateTimeOffset started;
    private readonly List<Entry> entries;
    private readonly List<CopilotException> failures = new();
    private readonly List<string> warnings = new();
    private bool deadlinePassed;

    public TaskWaiter(CopilotTaskClient client, IEnumerable<WaitTarget> targets, WaitOptions options)
        : this(client, targets, options, SystemClock.Instance)
    {
    }

    internal TaskWaiter(CopilotTaskClient client, IEnumerable<WaitTarget> targets, WaitOptions options, IClock clock)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("The poll interval must be positive.", nameof(options));
        }

        if (options.Timeout < TimeSpan.Zero)
        {
            throw new ArgumentException("The timeout must not be negative.", nameof(options));
        }

        this.clock = clock;
        started = clock.UtcNow;
        // The same task named twice is waited for once.
        entries = targets.GroupBy(t => t.Id, StringComparer.Ordinal).Select(g => new Entry(g.First())).ToList();
    }

    public bool TimedOut => deadlinePassed || (options.Timeout is { } timeout && clock.UtcNow - started >= timeout);

    public bool IsDone => !entries.Any(e => e.IsPending) || (options.Any && entries.Any(e => e.IsStopped)) || TimedOut;

    /// <summary>Tasks that stopped running, in the order they were given, with their sessions.</summary>
    public IReadOnlyList<CopilotTask> Stopped => entries.Where(e => e.IsStopped).Select(e => e.Latest!).ToArray();

    /// <summary>One poll round: asks for every task still running. The timeout bounds the round too: requests still
    /// in flight, their retries and rate-limit waits are cancelled when it strikes, and the round ends there.</summary>
    public async Task PollAsync(CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Timeout is { } timeout)
        {
            var left = timeout - (clock.UtcNow - started);
            deadline.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        try
        {
            await PollPendingAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            deadlinePassed = true;
        }
    }

    private async Task PollPendingAsync(CancellationToken cancellationToken)
    {
        var pending = entries.Where(e => e.IsPending).ToList();
        var groups = pending
            .Where(e => e.Target.Repository is not null && e.Since is not null)
            .GroupBy(e => e.Target.Repository!)
            .Where(g => g.Count() >= 2)
            .ToList();
        foreach (var group in groups)
        {
            await PollByListAsync(group.Key, group.ToList(), cancellationToken).ConfigureAwait(false);
        }

        foreach (var entry in pending.Except(groups.SelectMany(g => g)))
        {
            await GetAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the next round is due: the poll interval, or less when the timeout comes first.</summary>
    public Task DelayAsync(CancellationToken cancellationToken = default)
    {
        var wait = options.PollInterval;
        if (options.Timeout is { } timeout)
        {
            var left = timeout - (clock.UtcNow - started);
            if (left < wait)
            {
                wait = left;
            }
        }
        return wait > TimeSpan.Zero ? clock.Delay(wait, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Tasks given up on since the last call (not found, no permission), for non-terminating errors.</summary>
    public IReadOnlyList<CopilotException> TakeFailures() => Take(failures);

    /// <summary>Transient trouble since the last call (a 5xx, a timeout) that did not stop the wait.</summary>
    public IReadOnlyList<string> TakeWarnings() => Take(warnings);

    /// <summary>One error per task still running when the timeout struck, with the last state seen.</summary>
    public IReadOnlyList<(CopilotTimeoutException Error, CopilotTask? LastSeen)> TimeoutResults() =>
        entries.Where(e => e.IsPending).Select(e => (
            ErrorTable.WaitTimedOut(
                $"Task {e.Target.Id}{(e.Target.Repository is null ? "" : " in " + e.Target.Repository)} {(e.Latest is null ? "got no answer" : "is still " + e.Latest.StateValue)} after waiting {Describe(clock.UtcNow - started)}.",
                e.Target.Id),
            e.Latest)).ToArray();

    public WaitProgress Progress
    {
        get
        {
            var running = entries.Where(e => e.IsPending).GroupBy(e => e.Latest?.StateValue ?? "not seen yet").OrderBy(g => g.Key, StringComparer.Ordinal);
            var stopped = entries.Count(e => e.IsStopped);
            var failed = entries.Count(e => e.Failed);
            var status = $"{stopped} of {entries.Count} stopped";
            if (failed > 0)
            {
                status += $", {failed} failed";
            }

            var waiting = string.Join(", ", running.Select(g => $"{g.Key}: {g.Count()}"));
            if (waiting.Length > 0)
            {
                status += "; " + waiting;
            }

            var pending = entries.Where(e => e.IsPending).ToList();
            var named = string.Join(", ", pending.Take(ProgressTaskNames).Select(e => $"{ShortId(e.Target.Id)} {e.Latest?.StateValue ?? "not seen yet"}"));
            if (pending.Count > ProgressTaskNames)
            {
                named += $", +{pending.Count - ProgressTaskNames} more";
            }

            return new WaitProgress(entries.Count, stopped, failed, status, named, clock.UtcNow - started);
        }
    }

    private async Task PollByListAsync(RepositoryName repository, List<Entry> group, CancellationToken cancellationToken)
    {
        var byId = group.ToDictionary(e => e.Target.Id, StringComparer.Ordinal);
        var since = group.Min(e => e.Since!.Value);
        var listing = client.ListRepositoryTasks(repository, new RepositoryTaskQuery { Since = since, PageSize = InputValidator.MaxPageSize });
        try
        {
            for (var page = await listing.NextPageAsync(cancellationToken).ConfigureAwait(false); page is not null; page = await listing.NextPageAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var task in page)
                {
                    if (byId.TryGetValue(task.Id, out var entry))
                    {
                        entry.Latest = task;
                    }
                }
            }
        }
        catch (CopilotException e) when (!e.AffectsEveryCall)
        {
            if (IsTransient(e))
            {
                warnings.Add(e.Message);
            }
            else
            {
                foreach (var entry in group)
                {
                    Fail(entry, e);
                }
            }

            return;
        }
        // List items carry no sessions: read each task that stopped once more, in full, unless sessions are not wanted.
        foreach (var entry in group.Where(e => e.Latest is { IsRunning: false }))
        {
            if (options.ReadSessions)
            {
                await GetAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                entry.Complete = true;
            }
        }
    }

    private async Task GetAsync(Entry entry, CancellationToken cancellationToken)
    {
        try
        {
            entry.Latest = await client.GetTaskAsync(entry.Target.Id, entry.Target.Repository, cancellationToken).ConfigureAwait(false);
            entry.Complete = !entry.Latest.IsRunning;
        }
        catch (CopilotException e) when (!e.AffectsEveryCall)
        {
            if (IsTransient(e))
            {
                warnings.Add(e.Message);
            }
            else
            {
                Fail(entry, e);
            }
        }
    }

    private void Fail(Entry entry, CopilotException error)
    {
        entry.Failed = true;
        failures.Add(error);
    }

    // Worth another round: the server or the network may recover while we wait anyway.
    private static bool IsTransient(CopilotException error) =>
        error is CopilotServerException or CopilotRateLimitException or CopilotTimeoutException or CopilotConnectionException or CopilotResponseException;

    // The first block of a UUID is enough to tell tasks apart on a progress line.
    private static string ShortId(string id) => id.Length > 8 && id[8] == '-' ? id.Substring(0, 8) : id;

    private static string Describe(TimeSpan elapsed) =>
        elapsed.TotalMinutes >= 1 ? $"{elapsed.TotalMinutes:0.#} min" : $"{elapsed.TotalSeconds:0.#} s";

    private static T[] Take<T>(List<T> list)
    {
        var taken = list.ToArray();
        list.Clear();
        return taken;
    }

    private sealed class Entry
    {
        public Entry(WaitTarget target) => Target = target;

        public WaitTarget Target { get; }
        public CopilotTask? Latest { get; set; }
        /// <summary>When the task was updated last, as far as known: what a list request asks for changes since.</summary>
        public DateTimeOffset? Since => Latest?.UpdatedAt ?? Target.UpdatedAt;
        /// <summary>Stopped, and read in full (with sessions).</summary>
        public bool Complete { get; set; }
        public bool Failed { get; set; }
        public bool IsStopped => Complete && !Failed;
        public bool IsPending => !Complete && !Failed;
    }
}
