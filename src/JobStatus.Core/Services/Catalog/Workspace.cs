using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Workspace (cloud desktop): ShowJob, GET /v2/{project_id}/workspace-jobs/{job_id}. See docs/Services.md.</summary>
    internal static class Workspace
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "Workspace",
            displayName: "Workspace (cloud desktop)",
            hostLabel: "workspace",
            pathTemplate: "/v2/{project_id}/workspace-jobs/{job_id}",
            shape: new JobShape("status")
            {
                Id = new[] { "id" },
                JobType = new[] { "job_type" },
                BeginTime = new[] { "begin_time" },
                EndTime = new[] { "end_time" },
                ErrorCode = new[] { "job_error_code" },
                ErrorMessage = new[] { "fail_reason" },
                SubJobs = "sub_jobs",
                SubJob = new JobShape("status")
                {
                    Id = new[] { "id" },
                    JobType = new[] { "job_type" },
                    BeginTime = new[] { "begin_time" },
                    EndTime = new[] { "end_time" },
                    ErrorCode = new[] { "error_code" },
                    ErrorMessage = new[] { "fail_reason" },
                    ResourceIds = new[] { "entities.desktop_id" },
                },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "WAITING", "RUNNING")
                .Map(CloudJobStatus.Success, "SUCCESS")
                .Map(CloudJobStatus.Failed, "FAILED"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.Workspace.Regions,
            endpointExceptions: VendorRegions.Workspace.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-workspace/huaweicloudsdkworkspace/v2/workspace_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_job_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-workspace/huaweicloudsdkworkspace/v2/model/show_job_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-workspace/huaweicloudsdkworkspace/v2/model/job_detail_info.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-workspace/huaweicloudsdkworkspace/v2/model/list_ita_sub_jobs_request.py @343a486b5c8ab656611159f314df6e575d0f6398 (status docstring: SUCCESS, RUNNING, FAILED, WAITING)",
                "huaweicloud-sdk-go-v3 services/workspace/v2/model/model_show_job_response.go @e68713e4c184bb13322204146696f30004d79110 (status *string, no enum)",
                "https://support.huaweicloud.com/intl/en-us/api-workspace/ShowJob_0.html",
                "https://support.huaweicloud.com/api-workspace/ShowJob_0.html",
                "API Explorer definition as mirrored in github mingyang91/huawei-cloud-api-definitions schemas/Workspace/src/ShowJob.json @6bf54f6fe1be809d038832faccaf29536115f94c (200 example is {})",
                "huaweicloud-sdk-python-v3 " + VendorRegions.Workspace.Source + " (release " + VendorRegions.Release + ")",
            });
    }
}
