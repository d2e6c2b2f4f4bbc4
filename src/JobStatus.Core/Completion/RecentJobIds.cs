using System;
using System.Collections.Generic;

namespace JobStatus.Completion
{
    /// <summary>
    /// The job ids a session has seen, most recent first, for tab completion. Bounded: the oldest id
    /// is forgotten when a new one would exceed the capacity. Thread-safe, since a completer may run
    /// while a command is still writing jobs.
    /// </summary>
    internal sealed class RecentJobIds
    {
        public const int DefaultCapacity = 200;

        private readonly object _gate = new object();
        private readonly LinkedList<SeenJobId> _order = new LinkedList<SeenJobId>();
        private readonly Dictionary<string, LinkedListNode<SeenJobId>> _byId = new Dictionary<string, LinkedListNode<SeenJobId>>(StringComparer.Ordinal);

        public RecentJobIds()
            : this(DefaultCapacity)
        {
        }

        public RecentJobIds(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be at least 1.");
            }

            Capacity = capacity;
        }

        public int Capacity { get; }

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _order.Count;
                }
            }
        }

        /// <summary>Remembers an id as the most recent one; seen again, it moves to the front with its new status.</summary>
        public void Record(string id, string? status, string? projectId)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                return;
            }

            var seen = new SeenJobId(id, status, projectId);
            lock (_gate)
            {
                if (_byId.TryGetValue(id, out LinkedListNode<SeenJobId>? existing))
                {
                    _order.Remove(existing);
                }

                _byId[id] = _order.AddFirst(seen);
                if (_order.Count > Capacity)
                {
                    _byId.Remove(_order.Last!.Value.Id);
                    _order.RemoveLast();
                }
            }
        }

        /// <summary>The ids that start with <paramref name="prefix"/> (case-insensitive), most recent first.</summary>
        public IReadOnlyList<SeenJobId> StartingWith(string? prefix)
        {
            string start = prefix ?? string.Empty;
            var matches = new List<SeenJobId>();
            lock (_gate)
            {
                foreach (SeenJobId seen in _order)
                {
                    if (seen.Id.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                    {
                        matches.Add(seen);
                    }
                }
            }

            return matches;
        }
    }
}
