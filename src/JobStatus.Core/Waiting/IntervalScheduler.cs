using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;

namespace JobStatus.Waiting
{
    /// <summary>
    /// Polls the jobs that no request budget limits, of every service in the wait: each job is read
    /// at once, then again once an interval has passed since its previous request left, with at most
    /// -ThrottleLimit requests in flight in all.
    /// <para>One dispatcher serves all the jobs, so the requests flow the way a Get-CloudJob batch's
    /// do: an answer starts the next due read on the thread it arrived on, and one timer (not one per
    /// job) wakes the dispatcher when the next job falls due. No more tasks wait for a slot than there
    /// are slots, whatever the number of jobs.</para>
    /// <para>Jobs come due in the order their answers came back: a job answers after every job sent
    /// before it but slow to answer is read again at most that slowness later than its interval,
    /// never sooner.</para>
    /// </summary>
    internal sealed class IntervalScheduler : IDisposable
    {
        /// <summary>Jobs that fall due within this long of the first are started together, when the timer wakes for the first.</summary>
        private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(5);

        [ThreadStatic]
        private static IntervalScheduler? _pumping;

        private readonly JobPoller _poller;
        private readonly TimeSpan _interval;
        private readonly int _limit;
        private readonly CancellationToken _stop;
        private readonly object _lock = new object();
        private readonly Queue<WaitedJob> _fresh = new Queue<WaitedJob>();
        private readonly Queue<(WaitedJob Job, DateTime Due)> _due = new Queue<(WaitedJob, DateTime)>();
        private readonly Timer _timer;
        private DateTime _timerAt = DateTime.MaxValue;
        private int _inFlight;
        private bool _pumpAgain;
        private bool _disposed;

        public IntervalScheduler(JobPoller poller, int limit, TimeSpan interval, CancellationToken stop)
        {
            _poller = poller;
            _limit = Math.Max(1, limit);
            _interval = interval;
            _stop = stop;
            _timer = new Timer(_ => OnTimer(), null, Timeout.Infinite, Timeout.Infinite);
        }

        public void Add(WaitedJob job)
        {
            lock (_lock)
            {
                _fresh.Enqueue(job);
            }

            Pump();
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _disposed = true;
                _fresh.Clear();
                _due.Clear();
            }

            _timer.Dispose();
        }

        private void OnTimer()
        {
            lock (_lock)
            {
                _timerAt = DateTime.MaxValue;
            }

            Pump();
        }

        /// <summary>
        /// Starts every read that is due while a slot is free, then sets the timer for the next.
        /// Re-entered from a read that ends at once (on the same thread), it only asks the outer
        /// call to look again, so a chain of such reads never deepens the stack.
        /// </summary>
        private void Pump()
        {
            if (_pumping == this)
            {
                lock (_lock)
                {
                    _pumpAgain = true;
                }

                return;
            }

            IntervalScheduler? outer = _pumping;
            _pumping = this;
            try
            {
                while (true)
                {
                    WaitedJob? next = Next();
                    if (next != null)
                    {
                        _ = PollOnceAsync(next);
                        continue;
                    }

                    lock (_lock)
                    {
                        if (!_pumpAgain)
                        {
                            return;
                        }

                        _pumpAgain = false;
                    }
                }
            }
            finally
            {
                _pumping = outer;
            }
        }

        /// <summary>The job to read now, its slot taken; null when none is due or no slot is free (the timer set for the next).</summary>
        private WaitedJob? Next()
        {
            lock (_lock)
            {
                if (_disposed || _stop.IsCancellationRequested || _inFlight >= _limit)
                {
                    return null;
                }

                DateTime now = DateTime.UtcNow;
                WaitedJob? job = null;
                if (_due.Count > 0 && _due.Peek().Due <= now)
                {
                    job = _due.Dequeue().Job;
                }
                else if (_fresh.Count > 0)
                {
                    job = _fresh.Dequeue();
                }
                else if (_due.Count > 0)
                {
                    Arm(_due.Peek().Due + Coalesce, now);
                }

                if (job != null)
                {
                    _inFlight++;
                }

                return job;
            }
        }

        private void Arm(DateTime at, DateTime now)
        {
            if (at >= _timerAt)
            {
                return;
            }

            _timerAt = at;
            long ms = Math.Max(1, (long)Math.Ceiling((at - now).TotalMilliseconds));
            _timer.Change(ms, Timeout.Infinite);
        }

        private async Task PollOnceAsync(WaitedJob job)
        {
            (CloudJobResult? result, bool done) = await _poller.ReadAndReportAsync(job, _stop, turnTaken: false).ConfigureAwait(false);
            if (result != null)
            {
                job.LastSent = result.SentAt;
                done = done || _poller.HandOverIfLimited(job);
            }

            lock (_lock)
            {
                _inFlight--;
                if (!done && !_disposed)
                {
                    // The interval counts from when the last request left, after retries and
                    // throttling waits, so a job is never read twice within one interval.
                    _due.Enqueue((job, (result!.SentAt ?? DateTime.UtcNow) + _interval));
                }
            }

            // A slot is free again, whatever the outcome: the next due job may take it (after a
            // stop, Next finds nothing to start).
            Pump();
        }
    }
}
