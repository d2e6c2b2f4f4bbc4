using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Cloud Container Engine Autopilot: ShowAutopilotJob, GET /autopilot/v3/projects/{project_id}/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class CCEAutopilot
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "CCEAutopilot",
            displayName: "Cloud Container Engine Autopilot",
            hostLabel: "cce",
            pathTemplate: "/autopilot/v3/projects/{project_id}/jobs/{job_id}",
            shape: new JobShape("status.phase")
            {
                Id = new[] { "metadata.uid" },
                JobType = new[] { "spec.type" },
                BeginTime = new[] { "metadata.creationTimestamp" },
                EndTime = new[] { "metadata.updateTimestamp" },
                // As CCE's: the last change, an end only once the job has finished.
                EndTimeOnceFinished = true,
                ErrorMessage = new[] { "status.reason" },
                ResourceIds = new[] { "spec.resourceID", "spec.clusterUID" },
                SubJobs = "spec.subJobs",
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Initializing", "Running")
                .Map(CloudJobStatus.Success, "Success")
                .Map(CloudJobStatus.Failed, "Failed"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.CCEAutopilot.Regions,
            endpointExceptions: VendorRegions.CCEAutopilot.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cce/huaweicloudsdkcce/v3/cce_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_autopilot_job_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cce/huaweicloudsdkcce/v3/model/show_autopilot_job_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cce/huaweicloudsdkcce/v3/model/job_status.py @343a486b5c8ab656611159f314df6e575d0f6398 (phase: Initializing, Running, Failed, Success)",
                "huaweicloud-sdk-go-v3 services/cce/v3/model/model_show_autopilot_job_response.go @5cbdd5a9e88e545693e08f0fa70a1ec76f044992",
                "API Explorer definition as mirrored in github mingyang91/huawei-cloud-api-definitions schemas/CCE/src/ShowAutopilotJob.json @0c8eb74e344235f5f1de1fdccfee6e1f628100b9 (x-api-category autopilot, x-open-region-cloud hws,hws_hk; example of a Running job)",
                "https://support.huaweicloud.com/intl/en-us/api-cce-autopilot/GetAutopilotOneJob.html (the v2 alternative, /autopilot/v2/projects/{project_id}/jobs/{job_id})",
                "huaweicloud-sdk-python-v3 " + VendorRegions.CCEAutopilot.Source + " (release " + VendorRegions.Release + ")",
            },
            aliases: new[] { "Autopilot" });
    }
}
