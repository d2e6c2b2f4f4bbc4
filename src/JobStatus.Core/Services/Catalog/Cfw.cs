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
            // The 28 regions of the vendor SDK's CFW region list.
            regions: ServiceRegions.Parse(
                "af-north-1 af-south-1 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4"
                + " ap-southeast-5 cn-east-2 cn-east-3 cn-east-4 cn-east-5 cn-north-4 cn-north-9 cn-north-11"
                + " cn-north-12 cn-south-1 cn-south-2 cn-south-4 cn-southwest-2 cn-southwest-3 eu-west-101"
                + " la-north-2 la-south-2 me-east-1 my-kualalumpur-1 ru-moscow-1 sa-brazil-1 tr-west-1"),
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/cfw/v1/model/model_list_job_response.go",
                "huaweicloud-sdk-go-v3 services/cfw/v1/region/region.go",
                "CFW API reference: List Job Status (GET /v3/{project_id}/jobs/{job_id})",
            });
    }
}
