using System;
using System.Collections.Generic;

namespace AgentTasks.Core;

/// <summary>
/// The ids a listing has returned, so that a task a later page repeats is dropped. It is the one thing a listing keeps
/// that grows with the number of tasks, so an id in GitHub's form (a UUID, lowercase, with hyphens) is kept as its 16
/// bytes rather than as the task's string (about 100 bytes, and the string would live as long as the listing): 20,000
/// tasks keep about 0.6 MB instead of 2.4 MB. Any other id is kept as it is; ids are compared ordinally either way.
/// </summary>
internal sealed class SeenTaskIds
{
    private const int UuidLength = 36;
    private readonly HashSet<Guid> uuids = new();
    private HashSet<string>? others;

    public int Count => uuids.Count + (others?.Count ?? 0);

    /// <summary>True the first time an id is met.</summary>
    public bool Add(string id) =>
        TryUuid(id, out var uuid) ? uuids.Add(uuid) : (others ??= new HashSet<string>(StringComparer.Ordinal)).Add(id);

    /// <summary>Only the lowercase 8-4-4-4-12 form: each UUID has exactly one, so two ids are the same UUID exactly when
    /// they are the same string ("ABC..." and "abc..." are different ids, and the first is kept as a string).</summary>
    private static bool TryUuid(string id, out Guid uuid)
    {
        uuid = default;
        if (id.Length != UuidLength)
        {
            return false;
        }

        for (var i = 0; i < UuidLength; i++)
        {
            var c = id[i];
            var ok = i is 8 or 13 or 18 or 23 ? c == '-' : c is (>= '0' and <= '9') or (>= 'a' and <= 'f');
            if (!ok)
            {
                return false;
            }
        }

        return Guid.TryParseExact(id, "D", out uuid);
    }
}
