using System;
using JobStatus.Client;

namespace JobStatus.Scheduling
{
    /// <summary>
    /// A job the scheduler reads, once or until it finishes: what it is, where it waits, and what
    /// to do with each answer. The scheduler's fields are guarded by its lock; <see cref="Answer"/>
    /// and <see cref="End"/> are called outside it, one at a time per read.
    /// </summary>
    internal abstract class ScheduledRead
    {
        protected ScheduledRead(CloudJobClient client, string jobId)
        {
            Client = client;
            JobId = jobId;
        }

        public CloudJobClient Client { get; }

        public string JobId { get; }

        /// <summary>Input order: among reads due at once, the first given goes first.</summary>
        internal long Order { get; set; }

        /// <summary>When the read is due, on the scheduler's monotonic clock.</summary>
        internal TimeSpan Due { get; set; }

        /// <summary>When it would be due had its last read not failed: a lane that answers again brings it back to this.</summary>
        internal TimeSpan NormalDue { get; set; }

        /// <summary>When its last request left; null before the first.</summary>
        internal TimeSpan? LastSent { get; set; }

        /// <summary>Transient failures in a row.</summary>
        internal int Failures { get; set; }

        /// <summary>Nothing more will be sent for it (ended, cancelled or stopped).</summary>
        internal bool IsClosed { get; set; }

        /// <summary>Handles an answer; returns when to read again, or null when the read is done with.</summary>
        internal abstract ReadNext Answer(ReadAttempt attempt, ReadContext context);

        /// <summary>The read ends without a request: its service refused the credential or the project
        /// meanwhile (<paramref name="failure"/>), or the scheduler stopped (null).</summary>
        internal abstract void End(CloudJobFailure? failure);

        /// <summary>Higher first, within a budget's turn: jobs never read before those read already.</summary>
        internal virtual int Tier => LastSent == null ? 2 : 1;

        /// <summary>Within a tier, higher first: by default the least recently read.</summary>
        internal virtual double Score(TimeSpan now, DateTimeOffset wallNow, FinishEstimate estimate) =>
            LastSent is TimeSpan sent ? (now - sent).TotalSeconds : -Order;
    }

    /// <summary>What a read's answer means for its schedule.</summary>
    internal readonly struct ReadNext
    {
        private ReadNext(TimeSpan? due, TimeSpan? normalDue, TimeSpan? took)
        {
            Due = due;
            NormalDue = normalDue;
            Took = took;
        }

        /// <summary>Read again at this time; null when done.</summary>
        public TimeSpan? Due { get; }

        public TimeSpan? NormalDue { get; }

        /// <summary>How long a job that finished took, to learn which jobs are likely done.</summary>
        public TimeSpan? Took { get; }

        public static ReadNext Done(TimeSpan? took = null) => new ReadNext(null, null, took);

        public static ReadNext At(TimeSpan due, TimeSpan? normalDue = null) => new ReadNext(due, normalDue ?? due, null);
    }

    /// <summary>What a read's <see cref="ScheduledRead.Answer"/> may know of the scheduler.</summary>
    internal readonly struct ReadContext
    {
        public ReadContext(TimeSpan now, TimeSpan sentAt, SchedulerOptions options, Lane lane, TimeProvider time)
        {
            Now = now;
            SentAt = sentAt;
            Options = options;
            Lane = lane;
            Time = time;
        }

        public TimeSpan Now { get; }

        /// <summary>When this attempt's request left.</summary>
        public TimeSpan SentAt { get; }

        public SchedulerOptions Options { get; }

        public Lane Lane { get; }

        public TimeProvider Time { get; }
    }
}
