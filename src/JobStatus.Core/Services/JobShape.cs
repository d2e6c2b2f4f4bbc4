using System;
using System.Collections.Generic;

namespace JobStatus.Services
{
    /// <summary>
    /// Where a job answer keeps each field, as dotted paths ("entities.sub_jobs", "status.phase").
    /// Paths are read from the job object (the <see cref="Envelope"/> when there is one); a path that
    /// starts with '/' is read from the top of the answer. Where a list holds several paths, the first
    /// one present wins, so a field the vendor's sources name two ways is read either way.
    /// </summary>
    internal sealed class JobShape
    {
        /// <param name="status">The status word's path; the only field an answer must have.</param>
        public JobShape(string status)
        {
            Status = status ?? throw new ArgumentNullException(nameof(status));
        }

        /// <summary>The object that holds the job ("data" for CFW, "job" for RDS), or null when the answer is the job.</summary>
        public string? Envelope { get; init; }

        public string Status { get; }

        public IReadOnlyList<string> Id { get; init; } = new[] { "id" };

        public IReadOnlyList<string> JobType { get; init; } = Array.Empty<string>();

        public IReadOnlyList<string> BeginTime { get; init; } = Array.Empty<string>();

        public IReadOnlyList<string> EndTime { get; init; } = Array.Empty<string>();

        /// <summary>
        /// True when <see cref="EndTime"/> is a last-changed time (CCE's updateTimestamp): it is the end
        /// only once the job has finished, and is ignored while the job runs.
        /// </summary>
        public bool EndTimeOnceFinished { get; init; }

        public IReadOnlyList<string> ErrorCode { get; init; } = Array.Empty<string>();

        public IReadOnlyList<string> ErrorMessage { get; init; } = Array.Empty<string>();

        /// <summary>Fields that hold the id of a resource the job made or changed (entities.server_id, instance.id).</summary>
        public IReadOnlyList<string> ResourceIds { get; init; } = Array.Empty<string>();

        /// <summary>The array of sub-jobs, if the service has them.</summary>
        public string? SubJobs { get; init; }

        /// <summary>How each sub-job is laid out; null means like the job itself, without the envelope.</summary>
        public JobShape? SubJob { get; init; }
    }
}
