using System;

namespace JobStatus.Services
{
    /// <summary>A call budget a vendor page states for a job API: so many requests in so many seconds, and where it says so.</summary>
    internal sealed class DocumentedBudget
    {
        public DocumentedBudget(int limit, int periodSeconds, string source)
        {
            if (limit <= 0 || periodSeconds <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(limit), "A budget is a positive number of requests in a positive number of seconds.");
            }

            Limit = limit;
            PeriodSeconds = periodSeconds;
            Source = source ?? throw new ArgumentNullException(nameof(source));
        }

        public int Limit { get; }

        public int PeriodSeconds { get; }

        /// <summary>"the RDS API reference: 60 calls a minute per user".</summary>
        public string Source { get; }

        public double PerSecond => (double)Limit / PeriodSeconds;
    }
}
