using JobStatus.Completion;

namespace JobStatus.Session
{
    /// <summary>
    /// The job ids Get-CloudJob and Wait-CloudJob have written, kept per runspace (like the
    /// Connect-CloudJobService values) so -JobId completes from what this session has seen.
    /// </summary>
    internal static class RecentJobIdStore
    {
        private static readonly PerRunspace<RecentJobIds> Lists = new PerRunspace<RecentJobIds>();

        public static RecentJobIds Current => Lists.Current;

        /// <summary>Remembers a job this runspace has written. Pipeline thread only (it finds the runspace from the thread).</summary>
        public static void Record(CloudJob job) => Current.Record(job.Id, job.RawStatus, job.ProjectId);
    }
}
