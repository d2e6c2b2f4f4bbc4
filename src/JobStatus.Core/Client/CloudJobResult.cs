using System;

namespace JobStatus.Client
{
    /// <summary>The outcome of reading one job: the job, or why it could not be read.</summary>
    internal sealed class CloudJobResult
    {
        private CloudJobResult(string jobId, CloudJob? job, CloudJobFailure? failure)
        {
            JobId = jobId;
            Job = job;
            Failure = failure;
        }

        /// <summary>The id as the caller gave it.</summary>
        public string JobId { get; }

        public CloudJob? Job { get; }

        public CloudJobFailure? Failure { get; }

        public static CloudJobResult Success(string jobId, CloudJob job) => new CloudJobResult(jobId, job, null);

        public static CloudJobResult Fail(CloudJobFailure failure) => new CloudJobResult(failure.JobId, null, failure);
    }
}
