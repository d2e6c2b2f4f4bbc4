using System;
using System.Threading;
using JobStatus.Client;
using JobStatus.Scheduling;

namespace JobStatus.Waiting
{
    /// <summary>
    /// A job being waited for: read at once, then once an interval after each request left, until
    /// it finishes or cannot be read. A transient failure (429, 5xx, timeout, refused or reset
    /// connection) is "status unknown this round": the job is read again after a backoff, for as
    /// long as the wait lasts. Tells its <see cref="WaitSession"/> only what matters: a changed
    /// status or sub-job, the end, a failure that ends it, and a job that keeps failing or recovers.
    /// </summary>
    internal sealed class WaitedJob : ScheduledRead
    {
        /// <summary>How long one job must keep failing, while its service answers others, before a warning
        /// names it: long enough that the chance failures of a flaky minute (a few reset connections)
        /// name no job, so that a line names only a job its service keeps failing.</summary>
        internal static readonly TimeSpan WarnAfter = TimeSpan.FromMinutes(1);

        /// <summary>A job is failing alone only while most of its service's other reads are answered:
        /// above this share of failed reads the service is flaky, and the lane's warnings say so.</summary>
        internal const double AloneBelowShare = 0.2;

        private readonly WaitSession _session;
        private TimeSpan _failingSince;
        private CloudJob? _lastKnown;
        private CloudJobFailure? _lastFailure;
        private bool _warned;

        public WaitedJob(WaitSession session, string key, string jobId, CloudJobClient client, CloudJob? lastKnown, DateTimeOffset firstSeen)
            : base(client, jobId)
        {
            _session = session;
            Key = key;
            _lastKnown = lastKnown;
            FirstSeen = firstSeen;
        }

        /// <summary>Service, endpoint, project and id: the same job listed twice is waited for once.</summary>
        public string Key { get; }

        /// <summary>The latest state read (the consumer reads it for progress and timeouts).</summary>
        public CloudJob? LastKnown => Volatile.Read(ref _lastKnown);

        /// <summary>The failure of the last read if it failed; null once a read succeeds.</summary>
        public CloudJobFailure? LastFailure => Volatile.Read(ref _lastFailure);

        /// <summary>Finished, failed to read, or given up: nothing more will be told of it. The session's (pipeline thread).</summary>
        public bool IsSettled { get; set; }

        /// <summary>When the job was handed to the wait, on the wall clock: its age when the service gives no begin time.</summary>
        internal DateTimeOffset FirstSeen { get; }

        internal override ReadNext Answer(ReadAttempt attempt, ReadContext context)
        {
            CloudJobResult result = attempt.Result;
            if (result.Failure is CloudJobFailure failure)
            {
                if (!failure.IsTransient)
                {
                    _session.Post(WaitEvent.Answered(this, result, LastKnown));
                    return ReadNext.Done();
                }

                Failures++;
                Volatile.Write(ref _lastFailure, failure);
                if (Failures == 1)
                {
                    _failingSince = context.SentAt;
                }

                // A 429 is the service's pace, said by the lane (and the progress line), never this job's fault.
                if (!_warned && Failures >= Lane.FailuresBeforeFailing && failure.Kind != CloudJobFailureKind.Throttled
                    && context.Now - _failingSince >= WarnAfter && !context.Lane.IsFailing && context.Lane.RecentFailureShare < AloneBelowShare)
                {
                    // The service answers others; this job alone has kept failing for a while.
                    _warned = true;
                    _session.Post(WaitEvent.JobFailing(this, failure));
                }

                // Read again after the backoff (or the Retry-After), and never twice within one interval.
                TimeSpan normal = context.SentAt + _session.Interval;
                TimeSpan retry = context.Now + (attempt.RetryAfter ?? context.Options.Backoff(Failures));
                return ReadNext.At(retry > normal ? retry : normal, normal);
            }

            if (_warned)
            {
                _warned = false;
                _session.Post(WaitEvent.JobRecovered(this, Failures));
            }

            Failures = 0;
            Volatile.Write(ref _lastFailure, null);
            CloudJob latest = result.Job!;
            CloudJob? previous = LastKnown;
            Volatile.Write(ref _lastKnown, latest);
            if (latest.IsFinished || previous == null || SubJobChange.Changed(previous, latest))
            {
                _session.Post(WaitEvent.Answered(this, result, previous));
            }

            if (latest.IsFinished)
            {
                return ReadNext.Done(latest.BeginTime != null ? latest.Duration : null);
            }

            // The interval counts from when the last request left, so a job is never read twice within one.
            return ReadNext.At(context.SentAt + _session.Interval);
        }

        internal override void End(CloudJobFailure? failure)
        {
            if (failure != null)
            {
                _session.Post(WaitEvent.Answered(this, CloudJobResult.Fail(failure), LastKnown));
            }
        }

        /// <summary>Once a few of this lane's jobs have finished, the chance this one has finished since
        /// it was last read, judged by how long its finished peers took; before that, the least recently read.</summary>
        internal override double Score(TimeSpan now, DateTimeOffset wallNow, FinishEstimate estimate)
        {
            if (LastSent is not TimeSpan sent)
            {
                return -Order;
            }

            double sinceRead = (now - sent).TotalSeconds;
            if (estimate.Count < FinishEstimate.Enough)
            {
                return sinceRead;
            }

            DateTimeOffset begin = LastKnown?.BeginTime ?? FirstSeen;
            double age = (wallNow - begin).TotalSeconds;

            // Ties (every peer outlived, or all started together) go to the job read least recently.
            return estimate.ChanceFinished(age - sinceRead, age) + (sinceRead * 1e-6);
        }
    }
}
