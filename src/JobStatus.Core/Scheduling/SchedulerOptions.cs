using System;

namespace JobStatus.Scheduling
{
    /// <summary>How one command's requests are scheduled: concurrency, retries, budgets.</summary>
    internal sealed class SchedulerOptions
    {
        /// <summary>The most requests in flight at once, across every service of the command (-ThrottleLimit).</summary>
        public int ThrottleLimit { get; set; } = 16;

        /// <summary>Retries of a one-shot read (Get-CloudJob) after a 429, a 5xx, a connection failure or a
        /// timeout. A wait's reads have no such count: they retry until the job finishes or the wait ends.</summary>
        public int MaximumRetryCount { get; set; } = 3;

        /// <summary>The first wait before a retry; it doubles with each failure in a row, with jitter, up to <see cref="LongestWaitBackoff"/>.</summary>
        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>The usual cap of the doubling; <see cref="LongestBackoff"/> never caps below <see cref="RetryInterval"/>.</summary>
        public TimeSpan MaximumRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Requests a second for the whole command (-MaximumRequestRate): null leaves each service
        /// its documented budget, 0 lifts every budget but those a 429 states.</summary>
        public double? MaximumRequestRate { get; set; }

        /// <summary>While a lane keeps failing, send one request at a time to it, a backoff apart, until
        /// one is answered (a wait's patience); false for one-shot reads, which each have their retries.</summary>
        public bool ProbeFailingLanes { get; set; }

        /// <summary>A wait's poll interval (-PollIntervalSec); null for one-shot reads. It bounds the wait's
        /// backoffs: see <see cref="LongestWaitBackoff"/>.</summary>
        public TimeSpan? PollInterval { get; set; }

        /// <summary>Receives a line when a budget is set or lowered, from any thread; null for nobody.</summary>
        public Action<string>? Note { get; set; }

        /// <summary>The longest backoff: <see cref="MaximumRetryInterval"/>, or <see cref="RetryInterval"/> when the user asked for a longer first wait.</summary>
        public TimeSpan LongestBackoff => RetryInterval > MaximumRetryInterval ? RetryInterval : MaximumRetryInterval;

        /// <summary>
        /// The longest backoff of this command. For a wait: one poll interval, but never less than
        /// <see cref="RetryInterval"/> nor more than <see cref="LongestBackoff"/>. A failing lane's
        /// probes, a throttled lane's spacing and one job's retries are never further apart, so a wait
        /// sees a service answer again within an interval of its return (backing off further would
        /// save one request an interval per service, and cost every job finished meanwhile up to 30 s).
        /// For a one-shot read: <see cref="LongestBackoff"/>.
        /// </summary>
        public TimeSpan LongestWaitBackoff => PollInterval is TimeSpan interval
            ? (interval < RetryInterval ? RetryInterval : interval > LongestBackoff ? LongestBackoff : interval)
            : LongestBackoff;

        /// <summary>The wait before the retry that follows <paramref name="failures"/> failures in a row:
        /// the retry interval doubled per failure, +-20 % so that many jobs do not retry in lockstep, capped.</summary>
        public TimeSpan Backoff(int failures)
        {
            double exponential = RetryInterval.TotalMilliseconds * Math.Pow(2, Math.Min(30, Math.Max(0, failures - 1)));
            double factor = 0.8 + (0.4 * Random.Shared.NextDouble());
            return TimeSpan.FromMilliseconds(Math.Min(exponential * factor, LongestWaitBackoff.TotalMilliseconds));
        }
    }
}
