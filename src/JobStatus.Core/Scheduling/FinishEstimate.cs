using System;
using System.Collections.Generic;

namespace JobStatus.Scheduling
{
    /// <summary>
    /// How long the jobs of one wait have taken, learned from those that finished: the chance that a
    /// job seen running at age a has finished by age b is (F(b) - F(a)) / (1 - F(a)), F the share of
    /// finished peers that took no longer. Jobs that have run longest relative to their peers score
    /// highest. Not thread-safe: the scheduler's lock guards it.
    /// </summary>
    internal sealed class FinishEstimate
    {
        /// <summary>Fewer finished peers than this say too little; the scheduler then polls the least recently read first.</summary>
        public const int Enough = 3;

        private readonly List<double> _durations = new List<double>();

        public int Count => _durations.Count;

        public void Add(TimeSpan duration)
        {
            double seconds = Math.Max(0, duration.TotalSeconds);
            int at = _durations.BinarySearch(seconds);
            _durations.Insert(at < 0 ? ~at : at, seconds);
        }

        /// <summary>The share of finished peers that took no longer than <paramref name="seconds"/>.</summary>
        public double ShareDoneBy(double seconds)
        {
            if (_durations.Count == 0)
            {
                return 0;
            }

            int low = 0;
            int high = _durations.Count;
            while (low < high)
            {
                int mid = (low + high) >> 1;
                if (_durations[mid] <= seconds)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return (double)low / _durations.Count;
        }

        /// <summary>The chance a job seen running at age <paramref name="seenAt"/> (seconds) has finished by <paramref name="now"/>.</summary>
        public double ChanceFinished(double seenAt, double now)
        {
            double before = ShareDoneBy(seenAt);
            if (before >= 1)
            {
                // Older than every peer that finished: as likely as any to be done.
                return 1;
            }

            return (ShareDoneBy(now) - before) / (1 - before);
        }
    }
}
