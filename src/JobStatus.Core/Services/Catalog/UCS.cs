using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Ubiquitous Cloud Native Service: ShowPolicyJob, GET /v1/policy/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class UCS
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "UCS",
            displayName: "Ubiquitous Cloud Native Service",
            hostLabel: "ucs",
            pathTemplate: "/v1/policy/jobs/{job_id}",
            shape: new JobShape("status.status")
            {
                Id = new[] { "metadata.uid" },
                JobType = new[] { "spec.type" },
                BeginTime = new[] { "status.startTime" },
                EndTime = new[] { "status.finishTime" },
                ErrorMessage = new[] { "status.reason" },
                SubJobs = "spec.taskList",
                SubJob = new JobShape("status.status")
                {
                    Id = new[] { "metadata.uid" },
                    JobType = new[] { "spec.type" },
                    BeginTime = new[] { "status.startTime" },
                    EndTime = new[] { "status.finishTime" },
                    ErrorMessage = new[] { "status.reason" },
                    ResourceIds = new[] { "spec.target" },
                },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Running")
                .Map(CloudJobStatus.Success, "Succeeded")
                .Map(CloudJobStatus.Failed, "Failed", "TimedOut"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.UCS.Regions,
            endpointExceptions: VendorRegions.UCS.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ucs/huaweicloudsdkucs/v1/ucs_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_policy_job_http_info; client built with GlobalCredentials)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ucs/huaweicloudsdkucs/v1/model/show_policy_job_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ucs/huaweicloudsdkucs/v1/model/ucs_job_status.py @343a486b5c8ab656611159f314df6e575d0f6398 (status docstring: Running, TimedOut, Succeeded, Failed)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ucs/huaweicloudsdkucs/v1/model/ucs_task_status.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-go-v3 services/ucs/v1/model/model_ucs_job_status.go @2cf5c6199bb0002f11ad592071cab413799bcc56 (same words in the comment, no enum type)",
                "https://support.huaweicloud.com/intl/en-us/api-ucs/ShowPolicyJob.html",
                "https://support.huaweicloud.com/api-ucs/ShowPolicyJob.html",
                "API Explorer definition as mirrored in github mingyang91/huawei-cloud-api-definitions schemas/UCS/src/ShowPolicyJob.json @44827c36a469dd5bdcd10f24fbb13b3240e08f62 (example answer, error schemas)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.UCS.Source + " (release " + VendorRegions.Release + ")",
            },
            globalCredentials: true);
    }
}
