using System;
using System.Net.Http;
using JobStatus.Scheduling;

namespace JobStatus.Client
{
    /// <summary>How one connection's requests are sent.</summary>
    internal sealed class CloudJobClientOptions
    {
        /// <summary>Per request; null means no limit.</summary>
        public TimeSpan? RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The parameter that sets <see cref="RequestTimeout"/>, for advice in messages:
        /// Get-CloudJob's -TimeoutSec, Wait-CloudJob's -RequestTimeoutSec.</summary>
        public string RequestTimeoutParameter { get; set; } = "-TimeoutSec";

        public bool SkipCertificateCheck { get; set; }

        /// <summary>The command's scheduler; null for a client that reads on its own (tests), which then
        /// makes one from the four settings below.</summary>
        public ReadScheduler? Scheduler { get; set; }

        public int MaximumRetryCount { get; set; } = 3;

        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

        public TimeSpan MaximumRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

        public int ThrottleLimit { get; set; } = 16;

        /// <summary>The transport; null for the process's shared, pooled client. Tests hand in a simulated cloud.</summary>
        public HttpClient? Http { get; set; }
    }
}
