using System.Collections.Generic;
using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Elastic Load Balance (v3): ShowJob, GET /v3/{project_id}/elb/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class Elb
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "ELB",
            displayName: "Elastic Load Balance",
            hostLabel: "elb",
            pathTemplate: "/v3/{project_id}/elb/jobs/{job_id}",
            shape: new JobShape("status")
            {
                Envelope = "job",
                Id = new[] { "job_id" },
                JobType = new[] { "job_type" },
                BeginTime = new[] { "begin_time" },
                EndTime = new[] { "end_time" },
                ErrorCode = new[] { "error_code" },
                ErrorMessage = new[] { "error_msg" },
                ResourceIds = new[] { "resource_id", "entities.resource_id" },
                SubJobs = "sub_jobs",
            },
            // The SDK's MainJobStatus enum. The v3 page gives no meanings; these follow the v1.0 job API's
            // (SUCCESS and FAIL have ended, INIT and RUNNING have not) and the v3 example, whose finished
            // job is COMPLETE. A rollback under way has not ended; a failed rollback and a cancel have.
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "INIT", "RUNNING", "ROLLBACKING")
                .Map(CloudJobStatus.Success, "SUCCESS", "COMPLETE")
                .Map(CloudJobStatus.Failed, "FAIL", "ROLLBACK_FAIL", "CANCEL"),
            // The 30 regions of the vendor SDK's region file, sorted.
            regions: ServiceRegions.Parse(
                "ae-ad-1 af-north-1 af-south-1 ap-southeast-1 ap-southeast-2 ap-southeast-3"
                + " ap-southeast-4 ap-southeast-5 cn-east-2 cn-east-3 cn-east-4 cn-east-5 cn-north-1"
                + " cn-north-2 cn-north-4 cn-north-9 cn-south-1 cn-south-2 cn-southwest-2 eu-west-0"
                + " eu-west-101 la-north-2 la-south-2 me-east-1 my-kualalumpur-1 na-mexico-1 ru-moscow-1"
                + " ru-northwest-2 sa-brazil-1 tr-west-1"),
            endpointExceptions: new Dictionary<string, string>
            {
                ["eu-west-101"] = "https://elb.eu-west-101.myhuaweicloud.com",
            },
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/elb/v3/elb_meta.go (ShowJob request definition)",
                "huaweicloud-sdk-go-v3 services/elb/v3/model/model_show_job_response.go, model_main_job.go, model_sub_job.go, model_job_entities.go",
                "huaweicloud-sdk-go-v3 services/elb/v3/region/region.go",
                "https://support.huaweicloud.com/api-elb/ShowJob.html",
            });
    }
}
