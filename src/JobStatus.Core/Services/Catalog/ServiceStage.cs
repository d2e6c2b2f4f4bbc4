using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>ServiceStage (application management and O&M): ShowJobInfo, GET /v3/{project_id}/cas/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class ServiceStage
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "ServiceStage",
            displayName: "ServiceStage (application management and O&M)",
            hostLabel: "servicestage",
            pathTemplate: "/v3/{project_id}/cas/jobs/{job_id}",
            shape: new JobShape("job.execution_status")
            {
                Id = new[] { "job.job_id" },
                JobType = new[] { "job.job_type" },
                SubJobs = "tasks",
                SubJob = new JobShape("task_status")
                {
                    Id = new[] { "task_id" },
                    JobType = new[] { "task_type", "task_name" },
                    BeginTime = new[] { "created_at" },
                    EndTime = new[] { "update_at" },
                    ErrorMessage = new[] { "messages" },
                },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "SUBMITTED", "SCHEDULED", "RUNNING", "ROLLBACKING")
                .Map(CloudJobStatus.Success, "SUCCEEDED")
                .Map(CloudJobStatus.Failed, "FAILED", "CANCELLED", "PARTIALLY_FAILED", "ROLLBACKED"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.ServiceStage.Regions,
            endpointExceptions: VendorRegions.ServiceStage.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-servicestage/huaweicloudsdkservicestage/v3/servicestage_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_job_info_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-servicestage/huaweicloudsdkservicestage/v3/model/show_job_info_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-servicestage/huaweicloudsdkservicestage/v3/model/job_info.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-servicestage/huaweicloudsdkservicestage/v3/model/task_info.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-servicestage/huaweicloudsdkservicestage/v2/servicestage_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_job_detail_http_info, not chosen)",
                "huaweicloud-sdk-go-v3 services/servicestage/v2/model/model_job_info.go @3f05c4f3d9b33cc1044df8bc5d3edc7a92b9e862 (v2 only: EXECUTION_STATUS enum RUNNING, FAILED, SUCCEEDED; no v3 in the Go SDK)",
                "https://support.huaweicloud.com/api-servicestage/servicestage_06_0190.html (v3, Table 5 execution_status word list)",
                "https://support.huaweicloud.com/intl/en-us/api-servicestage/servicestage_06_0190.html",
                "https://support.huaweicloud.com/intl/en-us/api-servicestage/servicestage_06_0053.html (v2)",
                "API Explorer definition as mirrored in github mingyang91/huawei-cloud-api-definitions schemas/ServiceStage/src/ShowJobInfo.json @e05e9a02eed3a8449e77f61895b1971900ea0091 (enums; no example)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.ServiceStage.Source + " (release " + VendorRegions.Release + ")",
            });
    }
}
