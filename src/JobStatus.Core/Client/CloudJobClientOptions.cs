using System;

namespace JobStatus.Client
{
    /// <summary>How requests are sent: time limits, retries, parallelism.</summary>
    public sealed class CloudJobClientOptions
    {
        /// <summary>Per request; null means no limit.</summary>
        public TimeSpan? RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Retries after a 429, a 500/502/503/504, a connection failure or a timeout.</summary>
        public int MaximumRetryCount { get; set; } = 3;

        /// <summary>The first wait before a retry; it doubles with each retry, with jitter, up to <see cref="MaximumRetryInterval"/>.</summary>
        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

        public TimeSpan MaximumRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The most requests in flight at once, when no <see cref="Slots"/> are shared.</summary>
        public int ThrottleLimit { get; set; } = 16;

        /// <summary>Slots shared with the other clients of one command, instead of this client's own <see cref="ThrottleLimit"/>.</summary>
        public RequestSlots? Slots { get; set; }

        public bool SkipCertificateCheck { get; set; }

        /// <summary>The budgets every request (retries included) takes a turn from; null for none.</summary>
        public BudgetLane? Budget { get; set; }
    }
}
