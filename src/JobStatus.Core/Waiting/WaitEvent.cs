using System;
using JobStatus.Client;
using JobStatus.Scheduling;

namespace JobStatus.Waiting
{
    /// <summary>
    /// What the wait's background work tells the pipeline thread: an answer that matters (a changed
    /// status or sub-job, the end, a failure that ends the job), a job or a lane that keeps failing,
    /// or one that answers again. An answer that repeats the last one tells nothing and is not sent.
    /// </summary>
    internal sealed class WaitEvent
    {
        private WaitEvent(WaitEventKind kind, WaitedJob? job, CloudJobResult? result, CloudJob? previous, Lane? lane, CloudJobFailure? failure, int failedReads)
        {
            Kind = kind;
            Job = job;
            Result = result;
            Previous = previous;
            Lane = lane;
            Failure = failure;
            FailedReads = failedReads;
        }

        public WaitEventKind Kind { get; }

        public WaitedJob? Job { get; }

        public CloudJobResult? Result { get; }

        /// <summary>What was known of the job before this answer; null for its first.</summary>
        public CloudJob? Previous { get; }

        public Lane? Lane { get; }

        /// <summary>What the job or lane last said, for a failing one.</summary>
        public CloudJobFailure? Failure { get; }

        public int FailedReads { get; }

        /// <summary>For a lane that answers again: how long it failed.</summary>
        public TimeSpan Outage { get; private init; }

        public static WaitEvent Answered(WaitedJob job, CloudJobResult result, CloudJob? previous) =>
            new WaitEvent(WaitEventKind.Answer, job, result, previous, null, null, 0);

        public static WaitEvent JobFailing(WaitedJob job, CloudJobFailure failure) =>
            new WaitEvent(WaitEventKind.JobFailing, job, null, null, null, failure, job.Failures);

        public static WaitEvent JobRecovered(WaitedJob job, int failedReads) =>
            new WaitEvent(WaitEventKind.JobRecovered, job, null, null, null, null, failedReads);

        public static WaitEvent ForLane(LaneNotice notice) =>
            new WaitEvent(
                notice.Change == LaneChange.Recovered ? WaitEventKind.LaneRecovered : WaitEventKind.LaneFailing,
                null,
                null,
                null,
                notice.Lane,
                notice.Failure,
                notice.FailedReads) { Outage = notice.Outage };
    }

    internal enum WaitEventKind
    {
        Answer,
        JobFailing,
        JobRecovered,
        LaneFailing,
        LaneRecovered,
    }
}
