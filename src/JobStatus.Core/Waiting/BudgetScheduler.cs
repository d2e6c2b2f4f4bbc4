using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;

namespace JobStatus.Waiting
{
    /// <summary>
    /// Polls the jobs of one request budget: one request per turn of the budget, never a burst, and
    /// each turn goes to the job most likely to have finished since it was last read.
    /// <list type="number">
    /// <item>Jobs never read come first, in input order: until a job answers, nothing is known of it.</item>
    /// <item>Then, once a few of this wait's jobs have finished, the job with the highest chance of
    /// having finished since its last read, judged by how long its finished peers took
    /// (<see cref="FinishEstimate"/>): the job that has run longest relative to its peers wins; among
    /// equals, the one read least recently.</item>
    /// <item>Before that, the job read least recently.</item>
    /// </list>
    /// A job is never read twice within the interval. Between turns the scheduler sleeps; Ctrl+C,
    /// -Timeout and -Any cancel it at once.
    /// </summary>
    internal sealed class BudgetScheduler
    {
        /// <summary>How far ahead the scheduler picks jobs: one scan of the jobs serves the turns of this long.</summary>
        private static readonly TimeSpan PickAhead = TimeSpan.FromMilliseconds(100);

        private readonly JobPoller _poller;
        private readonly BudgetLane _lane;
        private readonly TimeSpan _interval;
        private readonly CancellationToken _stop;
        private readonly object _lock = new object();
        private readonly List<WaitedJob> _jobs = new List<WaitedJob>();
        private readonly FinishEstimate _estimate = new FinishEstimate();
        private readonly SemaphoreSlim _wake = new SemaphoreSlim(0, int.MaxValue);
        private readonly Queue<WaitedJob> _next = new Queue<WaitedJob>();
        private int _started;
        private volatile string? _pacedBy;
        private DateTime _pacedSince;

        public BudgetScheduler(JobPoller poller, BudgetLane lane, TimeSpan interval, CancellationToken stop)
        {
            _poller = poller;
            _lane = lane;
            _interval = interval;
            _stop = stop;
        }

        /// <summary>The budget, described, while it holds back jobs that are due; else null.</summary>
        public string? PacedBy => _pacedBy;

        public void Add(WaitedJob job)
        {
            lock (_lock)
            {
                _jobs.Add(job);
            }

            if (Interlocked.Exchange(ref _started, 1) == 0)
            {
                _ = Task.Run(RunAsync);
            }
            else
            {
                Wake();
            }
        }

        /// <summary>Wakes the dispatcher once, however many answers or new jobs came meanwhile.</summary>
        private void Wake()
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }

        private async Task RunAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    TimeSpan sleep = Dispatch();
                    if (sleep > TimeSpan.Zero)
                    {
                        // Woken early by a new job or an answer; the budget's own clock decides the rest.
                        await _wake.WaitAsync(sleep, _stop).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: -Any, a timeout, Ctrl+C or the end of the command.
            }
            catch (ObjectDisposedException)
            {
            }
            catch (Exception e)
            {
                lock (_lock)
                {
                    foreach (WaitedJob job in _jobs)
                    {
                        _poller.ReportCrash(job, e);
                    }

                    _jobs.Clear();
                }
            }
        }

        /// <summary>Starts the requests whose turns have come; returns how long to sleep before looking again.</summary>
        private TimeSpan Dispatch()
        {
            while (true)
            {
                DateTime now = DateTime.UtcNow;
                WaitedJob? job;
                lock (_lock)
                {
                    if (_next.Count == 0)
                    {
                        TimeSpan untilDue = Pick(now);
                        if (_next.Count == 0)
                        {
                            SetPaced(false, now);
                            return untilDue;
                        }
                    }

                    TimeSpan turn = _lane.TimeToNextTurn();
                    if (turn > TimeSpan.Zero)
                    {
                        SetPaced(true, now);
                        return turn;
                    }

                    if (!_lane.TryTakeNow())
                    {
                        continue;
                    }

                    job = _next.Dequeue();
                    job.InFlight = true;
                    job.LastSent = now;
                }

                _ = PollOnceAsync(job);
            }
        }

        /// <summary>Fills the queue of the next jobs to read, best first; returns how long until a job is due when none is.</summary>
        private TimeSpan Pick(DateTime now)
        {
            double perSecond = _lane.PerSecond ?? 1;
            int wanted = Math.Max(1, (int)Math.Ceiling(perSecond * PickAhead.TotalSeconds));
            var best = new List<(WaitedJob Job, int Tier, double Score)>(wanted + 1);
            TimeSpan untilDue = TimeSpan.MaxValue;
            bool learned = _estimate.Count >= FinishEstimate.Enough;
            foreach (WaitedJob job in _jobs)
            {
                if (job.InFlight)
                {
                    continue;
                }

                int tier;
                double score;
                if (job.LastSent is not DateTime sent)
                {
                    tier = 2;
                    score = -job.Order;
                }
                else
                {
                    TimeSpan due = sent + _interval - now;
                    if (due > TimeSpan.Zero)
                    {
                        untilDue = due < untilDue ? due : untilDue;
                        continue;
                    }

                    tier = 1;
                    if (learned)
                    {
                        DateTime begin = job.LastKnown?.BeginTime?.UtcDateTime ?? job.FirstSeen;
                        double age = (now - begin).TotalSeconds;
                        double ageWhenRead = (sent - begin).TotalSeconds;
                        // Ties (every peer outlived, or all started together) go to the job read least recently.
                        score = _estimate.ChanceFinished(ageWhenRead, age) + ((now - sent).TotalSeconds * 1e-6);
                    }
                    else
                    {
                        score = (now - sent).TotalSeconds;
                    }
                }

                Insert(best, wanted, job, tier, score);
            }

            foreach ((WaitedJob job, _, _) in best)
            {
                _next.Enqueue(job);
            }

            return untilDue == TimeSpan.MaxValue ? TimeSpan.FromSeconds(1) : untilDue;
        }

        private static void Insert(List<(WaitedJob Job, int Tier, double Score)> best, int wanted, WaitedJob job, int tier, double score)
        {
            int at = best.Count;
            while (at > 0 && (best[at - 1].Tier < tier || (best[at - 1].Tier == tier && best[at - 1].Score < score)))
            {
                at--;
            }

            if (at >= wanted)
            {
                return;
            }

            best.Insert(at, (job, tier, score));
            if (best.Count > wanted)
            {
                best.RemoveAt(best.Count - 1);
            }
        }

        private async Task PollOnceAsync(WaitedJob job)
        {
            (CloudJobResult? result, bool done) = await _poller.ReadAndReportAsync(job, _stop, turnTaken: true).ConfigureAwait(false);
            lock (_lock)
            {
                job.LastSent = result?.SentAt ?? job.LastSent;
                job.InFlight = false;
                if (done)
                {
                    _jobs.Remove(job);
                    if (result?.Job is CloudJob finished && finished.Duration is TimeSpan took && finished.BeginTime != null)
                    {
                        _estimate.Add(took);
                    }
                }
            }

            try
            {
                Wake();
            }
            catch (ObjectDisposedException)
            {
                // Stopped, and the command has gone.
            }
        }

        private void SetPaced(bool paced, DateTime now)
        {
            if (paced)
            {
                if (_pacedBy == null)
                {
                    _pacedBy = _lane.Describe();
                }

                _pacedSince = now;
            }
            else if (_pacedBy != null && now - _pacedSince > TimeSpan.FromSeconds(1))
            {
                // A second with no due job left waiting: the interval sets the pace again.
                _pacedBy = null;
            }
        }
    }
}
