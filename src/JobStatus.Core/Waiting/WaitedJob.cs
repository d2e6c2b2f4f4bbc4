using JobStatus.Client;

namespace JobStatus.Waiting
{
    /// <summary>A job being waited for: where to read it and what was last seen of it.</summary>
    public sealed class WaitedJob
    {
        public WaitedJob(string jobId, CloudJobClient client, CloudJob? lastKnown)
        {
            JobId = jobId;
            Client = client;
            LastKnown = lastKnown;
        }

        public string JobId { get; }

        public CloudJobClient Client { get; }

        /// <summary>The latest state read. Updated by the consumer of the events, on its own thread.</summary>
        public CloudJob? LastKnown { get; set; }

        /// <summary>Finished, failed to read, or given up: no more events will come for it.</summary>
        public bool IsSettled { get; set; }
    }
}
