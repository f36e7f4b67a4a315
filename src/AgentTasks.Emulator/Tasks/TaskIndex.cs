namespace AgentTasks.Emulator.Tasks;

/// <summary>
/// The tasks of one scope kept in both list orders, so that a page is a slice and not a sort of every task. Archived
/// tasks are kept apart from the others because a list shows one or the other. A frozen task's <c>updated_at</c> never
/// changes, so it has its place in order; a task on a schedule changes its <c>updated_at</c> as time passes, so those
/// few are placed at the moment of each request. Not thread safe: the store calls it under its lock.
/// </summary>
internal sealed class TaskIndex
{
    private readonly Shelf active = new();
    private readonly Shelf archived = new();

    public int ActiveCount => active.Count;

    public int ArchivedCount => archived.Count;

    public void Add(EmulatedTask task) => ShelfOf(task).Add(task);

    /// <summary>Moves a task whose timeline changed from <paramref name="previous"/> to where it now sorts.</summary>
    public void Retime(EmulatedTask task, TaskTimeline previous) => ShelfOf(task).Retime(task, previous);

    /// <summary>The tasks at <paramref name="offset"/> in the order asked for, at most <paramref name="count"/> of them.</summary>
    public IReadOnlyList<EmulatedTask> Slice(
        bool archivedTasks, bool sortByCreated, bool ascending, long offset, int count, DateTimeOffset now)
    {
        var shelf = archivedTasks ? archived : active;
        var total = shelf.Count;
        if (offset >= total)
        {
            return [];
        }

        // Descending is ascending read backwards: both break ties by creation order.
        var length = (int)Math.Min(count, total - offset);
        var start = ascending ? (int)offset : (int)(total - offset - length);
        var slice = sortByCreated ? shelf.ByCreated(start, length) : shelf.ByUpdated(start, length, now);
        if (!ascending)
        {
            slice.Reverse();
        }

        return slice;
    }

    /// <summary>
    /// The tasks that <paramref name="matches"/>, from the <paramref name="offset"/>-th match in the order asked for, at
    /// most <paramref name="count"/>: the shelf is walked in that order and the walk stops once the page is full, so a
    /// filtered page costs the tasks before it, not a sort of them all.
    /// </summary>
    public IReadOnlyList<EmulatedTask> SliceWhere(
        bool archivedTasks, bool sortByCreated, bool ascending, long offset, int count, DateTimeOffset now, Func<EmulatedTask, bool> matches)
    {
        var page = new List<EmulatedTask>(Math.Min(count, 100));
        var toSkip = offset;
        foreach (var task in (archivedTasks ? archived : active).InOrder(sortByCreated, ascending, now))
        {
            if (!matches(task))
            {
                continue;
            }

            if (toSkip > 0)
            {
                toSkip--;
                continue;
            }

            page.Add(task);
            if (page.Count == count)
            {
                break;
            }
        }

        return page;
    }

    /// <summary>How many tasks, archived and not, <paramref name="matches"/>: one pass, in no order.</summary>
    public (int Active, int Archived) CountWhere(Func<EmulatedTask, bool> matches) =>
        (active.CountWhere(matches), archived.CountWhere(matches));

    private Shelf ShelfOf(EmulatedTask task) => task.ArchivedAt.HasValue ? archived : active;

    private static int Compare(DateTimeOffset leftTime, long leftSequence, DateTimeOffset rightTime, long rightSequence)
    {
        var byTime = leftTime.CompareTo(rightTime);
        return byTime != 0 ? byTime : leftSequence.CompareTo(rightSequence);
    }

    /// <summary>Where <paramref name="time"/> and <paramref name="sequence"/> go in a list ordered by the same key.</summary>
    private static int LowerBound<T>(List<T> list, Func<T, (DateTimeOffset Time, long Sequence)> key, DateTimeOffset time, long sequence)
    {
        var (low, high) = (0, list.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var (middleTime, middleSequence) = key(list[middle]);
            if (Compare(middleTime, middleSequence, time, sequence) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private sealed class Shelf
    {
        private readonly List<EmulatedTask> byCreated = [];
        private readonly List<(DateTimeOffset Since, EmulatedTask Task)> frozenByUpdated = [];
        private readonly HashSet<EmulatedTask> scheduled = [];

        public int Count => byCreated.Count;

        public void Add(EmulatedTask task)
        {
            byCreated.Insert(LowerBound(byCreated, t => (t.CreatedAt, t.Sequence), task.CreatedAt, task.Sequence), task);
            Place(task, task.Timeline);
        }

        public void Retime(EmulatedTask task, TaskTimeline previous)
        {
            if (previous is FrozenTimeline frozen)
            {
                frozenByUpdated.RemoveAt(LowerBound(frozenByUpdated, e => (e.Since, e.Task.Sequence), frozen.Since, task.Sequence));
            }
            else
            {
                scheduled.Remove(task);
            }

            Place(task, task.Timeline);
        }

        public List<EmulatedTask> ByCreated(int start, int length) => byCreated.GetRange(start, length);

        /// <summary>Merges the scheduled tasks, placed now, into the frozen ones, from ascending position <paramref name="start"/>.</summary>
        public List<EmulatedTask> ByUpdated(int start, int length, DateTimeOffset now)
        {
            var placed = scheduled
                .Select(task => (task.PhaseAt(now).Since, Task: task))
                .OrderBy(e => e.Since).ThenBy(e => e.Task.Sequence)
                .ToList();

            // The j-th scheduled task stands at j plus the number of frozen tasks before it; those before start are skipped.
            var skipped = 0;
            while (skipped < placed.Count
                   && skipped + LowerBound(frozenByUpdated, e => (e.Since, e.Task.Sequence), placed[skipped].Since, placed[skipped].Task.Sequence) < start)
            {
                skipped++;
            }

            var (nextFrozen, nextPlaced) = (start - skipped, skipped);
            var slice = new List<EmulatedTask>(length);
            while (slice.Count < length)
            {
                var takeFrozen = nextPlaced == placed.Count
                    || (nextFrozen < frozenByUpdated.Count
                        && Compare(frozenByUpdated[nextFrozen].Since, frozenByUpdated[nextFrozen].Task.Sequence,
                            placed[nextPlaced].Since, placed[nextPlaced].Task.Sequence) < 0);
                slice.Add(takeFrozen ? frozenByUpdated[nextFrozen++].Task : placed[nextPlaced++].Task);
            }

            return slice;
        }

        public int CountWhere(Func<EmulatedTask, bool> matches)
        {
            var count = 0;
            foreach (var task in byCreated)
            {
                count += matches(task) ? 1 : 0;
            }

            return count;
        }

        /// <summary>Every task in the order asked for, read off the ordered lists as the caller goes; descending is
        /// ascending read backwards, as in <see cref="Slice"/>.</summary>
        public IEnumerable<EmulatedTask> InOrder(bool sortByCreated, bool ascending, DateTimeOffset now)
        {
            if (sortByCreated)
            {
                for (var i = 0; i < byCreated.Count; i++)
                {
                    yield return byCreated[ascending ? i : byCreated.Count - 1 - i];
                }

                yield break;
            }

            // The scheduled tasks (a few) are placed now, then merged into the frozen ones.
            var placed = scheduled
                .Select(task => (task.PhaseAt(now).Since, Task: task))
                .OrderBy(e => e.Since).ThenBy(e => e.Task.Sequence)
                .ToList();
            var (frozen, scheduledLeft) = (0, 0);
            while (frozen < frozenByUpdated.Count || scheduledLeft < placed.Count)
            {
                var f = ascending ? frozen : frozenByUpdated.Count - 1 - frozen;
                var p = ascending ? scheduledLeft : placed.Count - 1 - scheduledLeft;
                var takeFrozen = scheduledLeft == placed.Count
                    || (frozen < frozenByUpdated.Count
                        && Compare(frozenByUpdated[f].Since, frozenByUpdated[f].Task.Sequence, placed[p].Since, placed[p].Task.Sequence) is var order
                        && (ascending ? order < 0 : order > 0));
                if (takeFrozen)
                {
                    frozen++;
                    yield return frozenByUpdated[f].Task;
                }
                else
                {
                    scheduledLeft++;
                    yield return placed[p].Task;
                }
            }
        }

        private void Place(EmulatedTask task, TaskTimeline timeline)
        {
            if (timeline is FrozenTimeline frozen)
            {
                var entry = (frozen.Since, task);
                frozenByUpdated.Insert(LowerBound(frozenByUpdated, e => (e.Since, e.Task.Sequence), frozen.Since, task.Sequence), entry);
            }
            else
            {
                scheduled.Add(task);
            }
        }
    }
}
