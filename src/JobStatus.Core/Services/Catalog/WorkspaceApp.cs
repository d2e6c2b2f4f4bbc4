using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Workspace Application Streaming (cloud apps): ShowJobDetail, GET /v2/{project_id}/job/{job_id}. See docs/Services.md.</summary>
    internal static class WorkspaceApp
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "WorkspaceApp",
            displayName: "Workspace Application Streaming (cloud apps)",
            hostLabel: "workspace",
            pathTemplate: "/v2/{project_id}/job/{job_id}",
            shape: new JobShape("status")
            {
                Id = new[] { "id" },
                JobType = new[] { "job_type" },
                BeginTime = new[] { "begin_time" },
                EndTime = new[] { "end_time" },
                SubJobs = "sub_jobs",
                SubJob = new JobShape("status")
                {
                    Id = new[] { "id" },
                    JobType = new[] { "job_type" },
                    BeginTime = new[] { "begin_time" },
                    EndTime = new[] { "end_time" },
                    ErrorCode = new[] { "error_code" },
                    ErrorMessage = new[] { "error_message" },
                    ResourceIds = new[] { "job_resource_info.resource_id" },
                },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "WAITING", "RUNNING")
                .Map(CloudJobStatus.Success, "SUCCESS")
                .Map(CloudJobStatus.Failed, "FAILED"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.WorkspaceApp.Regions,
            endpointExceptions: VendorRegions.WorkspaceApp.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-workspaceapp/huaweicloudsdkworkspaceapp/v1/workspaceapp_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_job_detail_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-workspaceapp/huaweicloudsdkworkspaceapp/v1/model/show_job_detail_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-workspaceapp/huaweicloudsdkworkspaceapp/v1/model/job_status.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-workspaceapp/huaweicloudsdkworkspaceapp/v1/model/job_detail_status.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-go-v3 services/workspaceapp/v1/model/model_job_status.go @3f05c4f3d9b33cc1044df8bc5d3edc7a92b9e862 (WAITING, RUNNING, SUCCESS, FAILED)",
                "huaweicloud-sdk-go-v3 services/workspaceapp/v1/model/model_job_detail_status.go @d0abcb0df8ef4ee9a8ecf1c52c26e806db35895b (adds ABNORMAL, ROLLBACK, ABORTING)",
                "API Explorer definition as mirrored in github mingyang91/huawei-cloud-api-definitions schemas/WorkspaceApp/src/ShowJobDetail.json @0cf47f37128878524dcac508a5a85c469563daee (example answer; x-apigateway-ratelimit workspace_base)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.WorkspaceApp.Source + " (release " + VendorRegions.Release + ")",
            });
    }
}
