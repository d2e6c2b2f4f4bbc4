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
    /// <para>Without a request budget the jobs are polled by one <see cref="IntervalScheduler"/>:
    /// each when its interval has passed, up to -ThrottleLimit requests in flight in all. Under a budget (-MaximumRequestRate, a service's documented one, or
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
        private readonly IntervalScheduler _unlimited;
        private long _added;

        /// <param name="throttleLimit">The most requests in flight for the jobs no budget paces, across every service of the wait.</param>
        public JobPoller(TimeSpan interval, int throttleLimit, Action signal, CancellationToken cancellationToken)
        {
            _interval = interval;
            _signal = signal;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _unlimited = new IntervalScheduler(this, throttleLimit, interval, _stop.Token);
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
                _unlimited.Add(job);
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
            _unlimited.Dispose();
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

        /// <summary>Reads a job once for a scheduler and reports the answer: the answer and whether the
        /// job is done with, or null and true when the wait has been stopped or the read crashed (then
        /// already reported as that job's failure, so a bug never leaves a job waited for forever).</summary>
        internal async Task<(CloudJobResult? Result, bool Done)> ReadAndReportAsync(WaitedJob job, CancellationToken cancellationToken, bool turnTaken)
        {
            try
            {
                CloudJobResult result = await job.Client.GetJobAsync(job.JobId, cancellationToken, turnTaken).ConfigureAwait(false);
                return (result, Report(job, result));
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

            return (null, true);
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

        /// <summary>When a 429 has since stated a budget for the job's requests, hands the job to that
        /// budget's scheduler, which from now on chooses when it is read; returns true if it did.</summary>
        internal bool HandOverIfLimited(WaitedJob job)
        {
            if (job.Client.Budget is BudgetLane lane && lane.IsLimited)
            {
                SchedulerFor(lane).Add(job);
                return true;
            }

            return false;
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
    }
}
