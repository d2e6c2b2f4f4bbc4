using System;
using System.Collections.Generic;
using JobStatus.Client;

namespace JobStatus.Scheduling
{
    /// <summary>
    /// The requests of one command to one service at one host: its own queue of due reads, pacing
    /// (budgets, the spacing after 429s, Retry-After pauses), health and refusals. Nothing that
    /// happens to a lane delays another's reads. Guarded by the scheduler's lock, but for the
    /// read-only <see cref="Name"/>, <see cref="IsFailing"/> and <see cref="Health"/>.
    /// </summary>
    internal sealed class Lane
    {
        /// <summary>Failed reads in a row (no answer between) before a lane counts as failing.</summary>
        public const int FailuresBeforeFailing = 3;

        private readonly PriorityQueue<ScheduledRead, (TimeSpan Due, long Order)> _waiting = new PriorityQueue<ScheduledRead, (TimeSpan, long)>();

        /// <summary>Reads due while a budget paces the lane: each turn goes to the best of them.</summary>
        private readonly List<ScheduledRead> _ready = new List<ScheduledRead>();

        private readonly Queue<ScheduledRead> _picked = new Queue<ScheduledRead>();
        private readonly Dictionary<string, CloudJobFailure> _refusedProjects = new Dictionary<string, CloudJobFailure>(StringComparer.Ordinal);
        private readonly Dictionary<CloudJobClient, CloudJobFailure> _refusedClients = new Dictionary<CloudJobClient, CloudJobFailure>();
        private readonly TimeSpan _firstSpacing;
        private readonly TimeSpan _longestSpacing;
        private TimeSpan _spacing;
        private TimeSpan _lastSend = TimeSpan.MinValue;
        private TimeSpan _escalatedAt = TimeSpan.MinValue;
        private TimeSpan _nextProbe;

        /// <summary>The earliest due time and input order among the ready reads of a budget.</summary>
        private (TimeSpan Due, long Order) _readyHead = (TimeSpan.MaxValue, long.MaxValue);
        private volatile LaneHealth? _health;

        public Lane(string serviceName, string host, RequestBudget? own, RequestBudget? command, SchedulerOptions options)
        {
            ServiceName = serviceName;
            Host = host;
            Own = own;
            Command = command;
            _firstSpacing = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, options.RetryInterval.Ticks / 10));
            _longestSpacing = options.LongestWaitBackoff > _firstSpacing ? options.LongestWaitBackoff : _firstSpacing;
        }

        public string ServiceName { get; }

        /// <summary>The host, as users see it: "ecs.cn-north-4.myhuaweicloud.com".</summary>
        public string Host { get; }

        /// <summary>"ECS at ecs.cn-north-4.myhuaweicloud.com".</summary>
        public string Name => $"{ServiceName} at {Host}";

        /// <summary>The service's own budget: documented, or learned from a 429; null when it has none.</summary>
        public RequestBudget? Own { get; private set; }

        /// <summary>The command's budget (-MaximumRequestRate), shared by every lane.</summary>
        public RequestBudget? Command { get; }

        public bool IsLimited => Own != null || Command != null;

        /// <summary>Until when no request may leave (the longest Retry-After received).</summary>
        public TimeSpan PausedUntil { get; private set; }

        public int InFlight { get; set; }

        /// <summary>Reads in this lane's queues.</summary>
        public int Count => _waiting.Count + _ready.Count + _picked.Count;

        /// <summary>Set while the lane keeps failing: since when, and what it last said.</summary>
        public LaneHealth? Health => _health;

        public bool IsFailing => _health != null;

        internal FinishEstimate Estimate { get; } = new FinishEstimate();

        /// <summary>When a budget, not the interval, last held back a read that was due.</summary>
        internal TimeSpan? PacedAt { get; private set; }

        internal int FailureStreak { get; private set; }

        /// <summary>The share of the lane's recent reads that failed for a transient reason: an average
        /// that weighs the last twenty or so most. Tells a flaky service (reads failing here and there)
        /// from one job that the service keeps failing while it answers the others.</summary>
        internal double RecentFailureShare { get; private set; }

        /// <summary>Reads answered in a row since the last transient failure.</summary>
        internal int SuccessStreak { get; private set; }

        internal CloudJobFailure? LastFailure { get; private set; }

        private TimeSpan FailingSince { get; set; }

        private int FailedReads { get; set; }

        public void Enqueue(ScheduledRead read)
        {
            _waiting.Enqueue(read, (read.Due, read.Order));
        }

        /// <summary>The refusal that ends this read without a request, if its project or credential was refused.</summary>
        public CloudJobFailure? RefusalFor(ScheduledRead read) =>
            _refusedClients.TryGetValue(read.Client, out CloudJobFailure? refused) ? refused
            : _refusedProjects.TryGetValue(read.Client.Connection.ScopeKey, out CloudJobFailure? denied) ? denied
            : null;

        /// <summary>
        /// When this lane could next send, and the due time and input order of the read it would send
        /// (for fairness between lanes); null when it holds no read. Moves due reads to the ready
        /// list of a budget.
        /// </summary>
        public (TimeSpan SendAt, (TimeSpan Due, long Order) Head)? Next(TimeSpan now, bool probeWhileFailing)
        {
            (TimeSpan Due, long Order) head;
            if (IsLimited)
            {
                if (_picked.Count == 0 && _ready.Count == 0)
                {
                    _readyHead = (TimeSpan.MaxValue, long.MaxValue);
                }

                while (_waiting.TryPeek(out _, out (TimeSpan Due, long Order) at) && at.Due <= now)
                {
                    _ready.Add(_waiting.Dequeue());
                    _readyHead = at.CompareTo(_readyHead) < 0 ? at : _readyHead;
                }

                if (_picked.Count > 0 || _ready.Count > 0)
                {
                    head = _readyHead;
                }
                else if (_waiting.TryPeek(out _, out (TimeSpan Due, long Order) first))
                {
                    return (first.Due, first);
                }
                else
                {
                    return null;
                }
            }
            else if (!_waiting.TryPeek(out _, out head))
            {
                return null;
            }

            TimeSpan headDue = head.Due;
            TimeSpan sendAt = headDue > PausedUntil ? headDue : PausedUntil;
            if (_spacing > TimeSpan.Zero && _lastSend + _spacing > sendAt)
            {
                sendAt = _lastSend + _spacing;
            }

            if (probeWhileFailing && IsFailing)
            {
                if (InFlight > 0)
                {
                    // One probe at a time; its answer wakes the scheduler.
                    return (TimeSpan.MaxValue, head);
                }

                sendAt = _nextProbe > sendAt ? _nextProbe : sendAt;
            }

            if (IsLimited && sendAt <= now)
            {
                TimeSpan turn = TimeToTurn();
                if (turn > TimeSpan.Zero)
                {
                    PacedAt = now;
                    sendAt = now + turn;
                }
            }

            return (sendAt, head);
        }

        /// <summary>Takes the read to send now (after <see cref="Next"/> said one may leave), and the budgets' turns.</summary>
        /// <param name="time">Read for the wall clock only when a budget makes the lane choose among its reads.</param>
        public ScheduledRead? Take(TimeSpan now, TimeProvider time)
        {
            ScheduledRead? read;
            if (IsLimited)
            {
                if (_picked.Count == 0)
                {
                    Pick(now, time.GetUtcNow());
                }

                if (_picked.Count == 0)
                {
                    return null;
                }

                Command?.TryTake(out _);
                Own?.TryTake(out _);
                read = _picked.Dequeue();
            }
            else if (!_waiting.TryDequeue(out read, out _))
            {
                return null;
            }

            _lastSend = now;
            InFlight++;
            return read;
        }

        /// <summary>Removes and returns every queued read for which <paramref name="ends"/> holds.</summary>
        public List<ScheduledRead> RemoveWhere(Func<ScheduledRead, bool> ends)
        {
            var removed = new List<ScheduledRead>();
            var kept = new List<(ScheduledRead, (TimeSpan, long))>();
            foreach ((ScheduledRead read, (TimeSpan, long) at) in _waiting.UnorderedItems)
            {
                if (ends(read))
                {
                    removed.Add(read);
                }
                else
                {
                    kept.Add((read, at));
                }
            }

            if (removed.Count > 0)
            {
                _waiting.Clear();
                _waiting.EnqueueRange(kept);
            }

            _ready.RemoveAll(r =>
            {
                bool end = ends(r);
                if (end)
                {
                    removed.Add(r);
                }

                return end;
            });
            var picked = new List<ScheduledRead>(_picked);
            _picked.Clear();
            foreach (ScheduledRead read in picked)
            {
                if (ends(read))
                {
                    removed.Add(read);
                }
                else
                {
                    _picked.Enqueue(read);
                }
            }

            return removed;
        }

        /// <summary>
        /// Learns from an answer. A refusal no request can overcome (403 for a project, 401 for a
        /// credential that could not be renewed) ends that project's or credential's reads. From a
        /// request that reached the host: a 429 slows the lane down and pauses it for its Retry-After,
        /// any other answer eases the pace; failures in a row make the lane failing, the first answer
        /// after them makes it healthy. Returns what changed, for notes.
        /// </summary>
        public LaneChange Observe(ScheduledRead read, ReadAttempt attempt, TimeSpan sentAt, TimeSpan now, SchedulerOptions options)
        {
            CloudJobFailure? failure = attempt.Result.Failure;
            if (failure?.Kind == CloudJobFailureKind.AuthenticationFailed)
            {
                _refusedClients[read.Client] = failure;
            }
            else if (failure?.Kind == CloudJobFailureKind.PermissionDenied)
            {
                _refusedProjects[read.Client.Connection.ScopeKey] = failure;
            }

            if (!attempt.Sent)
            {
                return LaneChange.None;
            }

            if (attempt.Throttled)
            {
                if (sentAt >= _escalatedAt)
                {
                    // A 429 to a request sent before the last slow-down is the same burst: it says nothing new.
                    _escalatedAt = now;
                    _spacing = _spacing == TimeSpan.Zero ? _firstSpacing : TimeSpan.FromTicks(Math.Min(_spacing.Ticks * 2, _longestSpacing.Ticks));
                }

                _lastSend = now;
            }
            else if (_spacing > TimeSpan.Zero)
            {
                _spacing = TimeSpan.FromTicks(_spacing.Ticks / 2);
                if (_spacing < _firstSpacing)
                {
                    _spacing = TimeSpan.Zero;
                }
            }

            if (attempt.RetryAfter is TimeSpan pause && now + pause > PausedUntil)
            {
                PausedUntil = now + pause;
            }

            RecentFailureShare += ((failure != null && failure.IsTransient ? 1.0 : 0.0) - RecentFailureShare) / 10;
            if (failure != null && failure.IsTransient)
            {
                SuccessStreak = 0;
                FailureStreak++;
                FailedReads++;
                LastFailure = failure;
                if (FailureStreak == 1)
                {
                    FailingSince = sentAt;
                }

                if (_health != null)
                {
                    _health = new LaneHealth(Name, FailingSince, failure);
                    _nextProbe = now + options.Backoff(FailureStreak);
                }
                else if (FailureStreak >= FailuresBeforeFailing)
                {
                    _health = new LaneHealth(Name, FailingSince, failure);
                    _nextProbe = now + options.Backoff(FailureStreak);
                    return LaneChange.StartedFailing;
                }

                return LaneChange.None;
            }

            FailureStreak = 0;
            SuccessStreak++;
            if (_health != null)
            {
                // While failing, the lane sent one probe at a time, so its spacing no longer measured
                // anything: come back from the first step of it, not from where a storm left it (up to
                // an interval), and let the next 429 slow the lane down again.
                _health = null;
                _spacing = _spacing > _firstSpacing ? _firstSpacing : _spacing;
                return LaneChange.Recovered;
            }

            FailedReads = 0;
            return LaneChange.None;
        }

        /// <summary>After a recovery: how long the lane failed and how many reads failed meanwhile. Resets the count.</summary>
        public (TimeSpan Since, int FailedReads) TakeOutage()
        {
            (TimeSpan, int) outage = (FailingSince, FailedReads);
            FailedReads = 0;
            return outage;
        }

        /// <summary>Brings every read whose failures pushed it back to its usual schedule: the lane answers again.</summary>
        public void Resume(TimeSpan now)
        {
            var items = new List<(ScheduledRead, (TimeSpan, long))>(_waiting.Count);
            foreach ((ScheduledRead read, (TimeSpan, long) _) in _waiting.UnorderedItems)
            {
                if (read.NormalDue < read.Due)
                {
                    read.Due = read.NormalDue > now ? read.NormalDue : now;
                }

                items.Add((read, (read.Due, read.Order)));
            }

            _waiting.Clear();
            _waiting.EnqueueRange(items);
        }

        /// <summary>A 429 stated the service's policy: it is the lane's budget for the rest of the command, if tighter.</summary>
        public bool Learn(double perSecond, string source, Func<TimeSpan> clock)
        {
            if (Own == null)
            {
                Own = new RequestBudget(perSecond, source, clock);
                return true;
            }

            return Own.Lower(perSecond, source);
        }

        /// <summary>"33.33 requests a second (the BMS API reference: ...)": the budget that binds.</summary>
        public string? DescribeBudget()
        {
            RequestBudget? tighter = Command == null ? Own : Own == null ? Command : (Own.PerSecond < Command.PerSecond ? Own : Command);
            return tighter?.Describe();
        }

        private TimeSpan TimeToTurn()
        {
            TimeSpan a = Command?.TimeToNextTurn() ?? TimeSpan.Zero;
            TimeSpan b = Own?.TimeToNextTurn() ?? TimeSpan.Zero;
            return a > b ? a : b;
        }

        /// <summary>Fills <see cref="_picked"/> with the best ready reads for the next tenth of a second of turns.</summary>
        private void Pick(TimeSpan now, DateTimeOffset wallNow)
        {
            double perSecond = Math.Min(Command?.PerSecond ?? double.MaxValue, Own?.PerSecond ?? double.MaxValue);
            int wanted = Math.Max(1, (int)Math.Ceiling(Math.Min(perSecond, 1e6) * 0.1));
            if (wanted >= _ready.Count)
            {
                _ready.Sort((a, b) => Compare(b, a, now, wallNow));
                foreach (ScheduledRead read in _ready)
                {
                    _picked.Enqueue(read);
                }

                _ready.Clear();
                return;
            }

            var best = new List<(ScheduledRead Read, int Tier, double Score)>(wanted + 1);
            foreach (ScheduledRead read in _ready)
            {
                int tier = read.Tier;
                double score = read.Score(now, wallNow, Estimate);
                int at = best.Count;
                while (at > 0 && (best[at - 1].Tier < tier || (best[at - 1].Tier == tier && best[at - 1].Score < score)))
                {
                    at--;
                }

                if (at < wanted)
                {
                    best.Insert(at, (read, tier, score));
                    if (best.Count > wanted)
                    {
                        best.RemoveAt(best.Count - 1);
                    }
                }
            }

            var chosen = new HashSet<ScheduledRead>();
            foreach ((ScheduledRead read, _, _) in best)
            {
                _picked.Enqueue(read);
                chosen.Add(read);
            }

            _ready.RemoveAll(chosen.Contains);
        }

        private int Compare(ScheduledRead a, ScheduledRead b, TimeSpan now, DateTimeOffset wallNow)
        {
            int tier = a.Tier.CompareTo(b.Tier);
            return tier != 0 ? tier : a.Score(now, wallNow, Estimate).CompareTo(b.Score(now, wallNow, Estimate));
        }
    }

    /// <summary>What an answer changed in a lane's health.</summary>
    internal enum LaneChange
    {
        None,
        StartedFailing,
        Recovered,
    }

    /// <summary>A lane that started failing (with what it said) or answers again (after how long, how many failed reads).</summary>
    internal readonly struct LaneNotice
    {
        public LaneNotice(Lane lane, LaneChange change, CloudJobFailure? failure, TimeSpan outage, int failedReads)
        {
            Lane = lane;
            Change = change;
            Failure = failure;
            Outage = outage;
            FailedReads = failedReads;
        }

        public Lane Lane { get; }

        public LaneChange Change { get; }

        public CloudJobFailure? Failure { get; }

        public TimeSpan Outage { get; }

        public int FailedReads { get; }
    }

    /// <summary>A failing lane: since when (on the scheduler's clock) and what it last said.</summary>
    internal sealed class LaneHealth
    {
        public LaneHealth(string lane, TimeSpan since, CloudJobFailure lastFailure)
        {
            Lane = lane;
            Since = since;
            LastFailure = lastFailure;
        }

        public string Lane { get; }

        public TimeSpan Since { get; }

        public CloudJobFailure LastFailure { get; }
    }
}
