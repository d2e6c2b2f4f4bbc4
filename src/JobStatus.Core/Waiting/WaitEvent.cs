using JobStatus.Client;

namespace JobStatus.Waiting
{
    /// <summary>One poll's outcome for one waited job: its latest state, or why it could not be read.</summary>
    public sealed class WaitEvent
    {
        public WaitEvent(WaitedJob job, CloudJobResult result)
        {
            Job = job;
            Result = result;
        }

        public WaitedJob Job { get; }

        public CloudJobResult Result { get; }
    }
}
