using System;
using System.Threading;
using JobStatus.Client;

namespace JobStatus.Waiting
{
    /// <summary>A job being waited for: where to read it and what was last seen of it.</summary>
    public sealed class WaitedJob
    {
        private CloudJob? _lastKnown;

        public WaitedJob(string jobId, CloudJobClient client, CloudJob? lastKnown)
        {
            JobId = jobId;
            Client = client;
            _lastKnown = lastKnown;
            FirstSeen = DateTime.UtcNow;
        }

        public string JobId { get; }

        public CloudJobClient Client { get; }

        /// <summary>The latest state read, set by the poller as each answer arrives (the consumer reads it for
        /// progress and timeouts; the event of a change carries the state before it).</summary>
        public CloudJob? LastKnown
        {
            get => Volatile.Read(ref _lastKnown);
            set => Volatile.Write(ref _lastKnown, value);
        }

        /// <summary>Finished, failed to read, or given up: no more events will come for it. The consumer's.</summary>
        public bool IsSettled { get; set; }

        /// <summary>When the job was handed to the poller: its age when the service gives no begin time.</summary>
        internal DateTime FirstSeen { get; }

        /// <summary>When its last request left; null before the first. The poller's.</summary>
        internal DateTime? LastSent { get; set; }

        /// <summary>Input order, to poll jobs never read yet first come, first served.</summary>
        internal long Order { get; set; }

        internal bool InFlight { get; set; }
    }
}
