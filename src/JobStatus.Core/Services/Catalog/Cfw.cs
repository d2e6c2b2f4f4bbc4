using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Cloud Firewall: GET /v3/{project_id}/jobs/{job_id} ("List Job Status"). See docs/Services.md.</summary>
    internal static class Cfw
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "CFW",
            displayName: "Cloud Firewall",
            hostLabel: "cfw",
            pathTemplate: "/v3/{project_id}/jobs/{job_id}",
            shape: new JobShape("status")
            {
                Envelope = "data",
                BeginTime = new[] { "begin_time" },
                EndTime = new[] { "end_time" },
                // Some regional variants put error_code / error_msg at the top of a 200.
                ErrorCode = new[] { "/error_code", "error_code" },
                ErrorMessage = new[] { "/error_msg", "error_msg", "fail_reason" },
            },
            // "Fail" too: the module read it as Failed before services had maps of their own.
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Running")
                .Map(CloudJobStatus.Success, "Success")
                .Map(CloudJobStatus.Failed, "Failed", "Fail"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.Cfw.Regions,
            endpointExceptions: VendorRegions.Cfw.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/cfw/v1/model/model_list_job_response.go",
                "huaweicloud-sdk-python-v3 " + VendorRegions.Cfw.Source + " (release " + VendorRegions.Release + ")",
                "CFW API reference: List Job Status (GET /v3/{project_id}/jobs/{job_id})",
            });
    }
}
