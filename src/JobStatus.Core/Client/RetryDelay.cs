using System;
using System.Threading;

namespace JobStatus.Client
{
    /// <summary>Exponential backoff with jitter, and the server's Retry-After when it sends one.</summary>
    public static class RetryDelay
    {
        private static readonly ThreadLocal<Random> Jitter = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));

        /// <param name="retry">1 for the first retry.</param>
        /// <param name="retryAfter">The server's Retry-After, if any; it wins, up to five minutes.</param>
        public static TimeSpan Compute(int retry, TimeSpan first, TimeSpan maximum, TimeSpan? retryAfter)
        {
            if (retryAfter is TimeSpan asked && asked >= TimeSpan.Zero)
            {
                return asked > TimeSpan.FromMinutes(5) ? TimeSpan.FromMinutes(5) : asked;
            }

            double exponential = first.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1));

            // +-20 %, so that many waiting jobs do not retry in lockstep; the cap applies after it.
            double factor = 0.8 + (0.4 * Jitter.Value!.NextDouble());
            return TimeSpan.FromMilliseconds(Math.Min(exponential * factor, maximum.TotalMilliseconds));
        }
    }
}
