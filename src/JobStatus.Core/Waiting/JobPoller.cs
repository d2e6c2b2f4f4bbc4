using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;

namespace JobStatus.Waiting
{
    /// <summary>
    /// Polls every added job until it finishes or cannot be read (the client has already retried a
    /// failed read, so a failure that remains is that job's answer). A job is read at once, then no
    /// sooner than one interval after its previous request left.
    /// <para>Without a request budget each job polls on its own schedule, concurrently (the client
    /// limits requests in flight). Under a budget (-MaximumRequestRate, a service's documented one, or
    /// one a 429 stated) the jobs of that budget are polled by a <see cref="BudgetScheduler"/>, one
    /// request per turn, the most promising job first.</para>
    /// <para>An answer is queued for the consumer (and the consumer woken through the signal callback)
    /// only when it tells something: a changed status or sub-job, the end, or a failure.</para>
    /// </summary>
    public sealed class JobPoller : IDisposable
    {
        private readonly TimeSpan _interval;
        private readonly Action _signal;
        private readonly CancellationTokenSource _stop;
        private readonly ConcurrentQueue<WaitEvent> _events = new ConcurrentQueue<WaitEvent>();
        private readonly Dictionary<BudgetLane, BudgetScheduler> _schedulers = new Dictionary<BudgetLane, BudgetScheduler>();
        private long _added;

        public JobPoller(TimeSpan interval, Action signal, CancellationToken cancellationToken)
        {
            _interval = interval;
            _signal = signal;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        public void Add(WaitedJob job)
        {
            job.Order = Interlocked.Increment(ref _added);
            if (job.Client.Budget is BudgetLane lane && lane.IsLimited)
            {
                SchedulerFor(lane).Add(job);
            }
            else
            {
                _ = Task.Run(() => PollAsync(job));
            }
        }

        public bool TryTake(out WaitEvent waitEvent) => _events.TryDequeue(out waitEvent!);

        /// <summary>
        /// Set while a budget, not the interval, decides when jobs are read: jobs are due and wait for
        /// a turn. The budget that binds, described; null when the interval sets the pace.
        /// </summary>
        public string? PacedBy
        {
            get
            {
                lock (_schedulers)
                {
                    foreach (BudgetScheduler scheduler in _schedulers.Values)
                    {
                        if (scheduler.PacedBy is string paced)
                        {
                            return paced;
                        }
                    }
                }

                return null;
            }
        }

        /// <summary>Stops every poll (after -Any, a timeout or a failure that ends the wait).</summary>
        public void StopAll() => _stop.Cancel();

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }

        /// <summary>Tells the consumer about an answer if it matters; returns true when the job is done with.</summary>
        internal bool Report(WaitedJob job, CloudJobResult result)
        {
            CloudJob? previous = job.LastKnown;
            if (result.Job is CloudJob latest)
            {
                job.LastKnown = latest;
                if (!latest.IsFinished && previous != null && !SubJobChange.Changed(previous, latest))
                {
                    return false;
                }
            }

            _events.Enqueue(new WaitEvent(job, result, previous));
            _signal();
            return result.Job == null || result.Job.IsFinished;
        }

        internal void ReportCrash(WaitedJob job, Exception e)
        {
            // A bug must end this job's wait loudly, never leave the wait hanging.
            _events.Enqueue(new WaitEvent(job, CloudJobResult.Fail(new CloudJobFailure(
                CloudJobFailureKind.Unexpected,
                job.JobId,
                $"Waiting for job '{job.JobId}' failed unexpectedly: {e.GetType().Name}: {e.Message}",
                exception: e))));
            _signal();
        }

        private BudgetScheduler SchedulerFor(BudgetLane lane)
        {
            lock (_schedulers)
            {
                if (!_schedulers.TryGetValue(lane, out BudgetScheduler? scheduler))
                {
                    scheduler = new BudgetScheduler(this, lane, _interval, _stop.Token);
                    _schedulers.Add(lane, scheduler);
                }

                return scheduler;
            }
        }

        private async Task PollAsync(WaitedJob job)
        {
            CancellationToken token = _stop.Token;
            try
            {
                while (true)
                {
                    CloudJobResult result = await job.Client.GetJobAsync(job.JobId, token).ConfigureAwait(false);
                    job.LastSent = result.SentAt;
                    if (Report(job, result))
                    {
                        return;
                    }

                    if (job.Client.Budget is BudgetLane lane && lane.IsLimited)
                    {
                        // A 429 stated a budget: from now on the scheduler chooses when this job is read.
                        SchedulerFor(lane).Add(job);
                        return;
                    }

                    // The interval counts from when the last request left, after retries and
                    // throttling waits, so a job is never read twice within one interval.
                    TimeSpan wait = _interval - (DateTime.UtcNow - (result.SentAt ?? DateTime.UtcNow));
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: -Any, a timeout, Ctrl+C or the end of the command.
            }
            catch (ObjectDisposedException)
            {
                // Stopped while the command was being disposed.
            }
            catch (Exception e)
            {
                ReportCrash(job, e);
            }
        }
    }
}
