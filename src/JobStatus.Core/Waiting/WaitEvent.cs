using JobStatus.Client;

namespace JobStatus.Waiting
{
    /// <summary>
    /// One poll's outcome for one waited job, told to the consumer only when it matters: the job's
    /// status or a sub-job's changed, it finished, or it could not be read. An answer that repeats the
    /// last one only updates <see cref="WaitedJob.LastKnown"/>, without waking the pipeline thread.
    /// </summary>
    public sealed class WaitEvent
    {
        public WaitEvent(WaitedJob job, CloudJobResult result, CloudJob? previous = null)
        {
            Job = job;
            Result = result;
            Previous = previous;
        }

        public WaitedJob Job { get; }

        public CloudJobResult Result { get; }

        /// <summary>What was known of the job before this answer; null for its first.</summary>
        public CloudJob? Previous { get; }
    }
}
