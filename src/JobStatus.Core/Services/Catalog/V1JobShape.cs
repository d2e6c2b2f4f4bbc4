using System.Collections.Generic;
using System.Linq;
using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>
    /// The answer of GET /v1/{project_id}/jobs/{job_id}, the job API ECS, BMS, EVS, IMS and VPC (EIP)
    /// share: the job at the top, {status, job_id, job_type, begin_time, end_time, error_code,
    /// fail_reason, entities: {sub_jobs: [...], sub_jobs_total}}, each sub-job the same fields with
    /// its own entities. Which entities fields name a resource differs by service, so each passes its own.
    /// </summary>
    internal static class V1JobShape
    {
        public const string PathTemplate = "/v1/{project_id}/jobs/{job_id}";

        /// <param name="entityIds">The resource-id fields of the service's entities model ("server_id", "volume_id").</param>
        /// <param name="failureDetail">A sub-job's own failure field inside its entities, where the model has one.</param>
        /// <param name="subJobs">Where the entities keep the sub-jobs: sub_jobs, or sub_jobs_result at IMS.</param>
        public static JobShape Create(IEnumerable<string> entityIds, string? failureDetail = null, string subJobs = "sub_jobs")
        {
            string[] failure = failureDetail is null
                ? new[] { "fail_reason" }
                : new[] { "fail_reason", "entities." + failureDetail };
            return new JobShape("status")
            {
                Id = new[] { "job_id" },
                JobType = new[] { "job_type" },
                BeginTime = new[] { "begin_time" },
                EndTime = new[] { "end_time" },
                ErrorCode = new[] { "error_code" },
                ErrorMessage = failure,
                ResourceIds = entityIds.Select(id => "entities." + id).ToArray(),
                SubJobs = "entities." + subJobs,
            };
        }

        /// <summary>SUCCESS, RUNNING, FAIL and INIT: the status enum of the ECS, BMS, EVS and IMS SDK models.</summary>
        public static JobStatusMap Statuses() => new JobStatusMap()
            .Map(CloudJobStatus.Running, "INIT", "RUNNING")
            .Map(CloudJobStatus.Success, "SUCCESS")
            .Map(CloudJobStatus.Failed, "FAIL");
    }
}
