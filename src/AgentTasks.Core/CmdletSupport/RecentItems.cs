using System;
using System.Collections.Generic;

namespace AgentTasks.Core.CmdletSupport;

/// <summary>The most recent distinct items, newest first, at most <c>capacity</c> of them: what tab completion offers.
/// Remembering an item costs the same however many are kept (a dictionary beside the order), because a listing
/// remembers every task it writes: a scan of the kept items for each one cost more than the listing's own work.
/// Safe to use from several threads.</summary>
internal sealed class RecentItems<T>
{
    private readonly int capacity;
    private readonly Func<T, string> keyOf;
    private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, T>>> nodes;
    // Newest first, each with the key it was kept under.
    private readonly LinkedList<KeyValuePair<string, T>> order = new();

    /// <param name="keyOf">What makes two items the same one; an item that comes again replaces the older and moves to the front.</param>
    public RecentItems(int capacity, Func<T, string> keyOf, IEqualityComparer<string> comparer)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "At least one item must be kept.");
        }

        this.capacity = capacity;
        this.keyOf = keyOf;
        nodes = new Dictionary<string, LinkedListNode<KeyValuePair<string, T>>>(comparer);
    }

    public int Count
    {
        get
        {
            lock (order)
            {
                return order.Count;
            }
        }
    }

    public void Remember(T item)
    {
        lock (order)
        {
            Add(item);
        }
    }

    /// <summary>Remembers the items in their order, so that the last is the newest: under one lock for a page.</summary>
    public void RememberAll(IReadOnlyList<T> items)
    {
        lock (order)
        {
            for (var i = 0; i < items.Count; i++)
            {
                Add(items[i]);
            }
        }
    }

    /// <summary>A copy, newest first.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (order)
        {
            var copy = new T[order.Count];
            var i = 0;
            foreach (var entry in order)
            {
                copy[i++] = entry.Value;
            }

            return copy;
        }
    }

    private void Add(T item)
    {
        var key = keyOf(item);
        var entry = new KeyValuePair<string, T>(key, item);
        if (nodes.TryGetValue(key, out var known))
        {
            known.Value = entry;
            if (known != order.First)
            {
                order.Remove(known);
                order.AddFirst(known);
            }

            return;
        }

        LinkedListNode<KeyValuePair<string, T>> node;
        if (order.Count == capacity)
        {
            // The oldest goes; its node is reused for the newcomer.
            node = order.Last!;
            order.RemoveLast();
            nodes.Remove(node.Value.Key);
            node.Value = entry;
        }
        else
        {
            node = new LinkedListNode<KeyValuePair<string, T>>(entry);
        }

        order.AddFirst(node);
        nodes.Add(key, node);
    }
}
