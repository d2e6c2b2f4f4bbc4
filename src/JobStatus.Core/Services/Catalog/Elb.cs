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
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.Elb.Regions,
            endpointExceptions: VendorRegions.Elb.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/elb/v3/elb_meta.go (ShowJob request definition)",
                "huaweicloud-sdk-go-v3 services/elb/v3/model/model_show_job_response.go, model_main_job.go, model_sub_job.go, model_job_entities.go",
                "huaweicloud-sdk-python-v3 " + VendorRegions.Elb.Source + " (release " + VendorRegions.Release + ")",
                "https://support.huaweicloud.com/api-elb/ShowJob.html",
            });
    }
}
