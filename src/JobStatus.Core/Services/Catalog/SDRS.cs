using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Storage Disaster Recovery Service: ShowJobStatus, GET /v1/{project_id}/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class SDRS
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "SDRS",
            displayName: "Storage Disaster Recovery Service",
            hostLabel: "sdrs",
            pathTemplate: "/v1/{project_id}/jobs/{job_id}",
            shape: new JobShape("status")
            {
                Id = new[] { "job_id" },
                JobType = new[] { "job_type" },
                BeginTime = new[] { "begin_time" },
                EndTime = new[] { "end_time" },
                ErrorCode = new[] { "error_code" },
                ErrorMessage = new[] { "fail_reason" },
                ResourceIds = new[] { "entities.server_group_id", "entities.protected_instance_id", "entities.replication_pair_id", "entities.native_server_id", "entities.nic_id", "entities.volume_ids" },
                SubJobs = "entities.sub_jobs",
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "INIT", "RUNNING")
                .Map(CloudJobStatus.Success, "SUCCESS")
                .Map(CloudJobStatus.Failed, "FAIL"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.SDRS.Regions,
            endpointExceptions: VendorRegions.SDRS.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-sdrs/huaweicloudsdksdrs/v1/sdrs_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_job_status_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-sdrs/huaweicloudsdksdrs/v1/model/show_job_status_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-sdrs/huaweicloudsdksdrs/v1/model/job_entities.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-sdrs/huaweicloudsdksdrs/v1/model/sub_job_params.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-sdrs/huaweicloudsdksdrs/v1/model/sub_job_entities.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-go-v3 services/sdrs/v1/model/model_show_job_status_response.go @3f05c4f3d9b33cc1044df8bc5d3edc7a92b9e862",
                "huaweicloud-sdk-go-v3 services/sdrs/v1/model/model_sub_job_params.go @3f05c4f3d9b33cc1044df8bc5d3edc7a92b9e862",
                "https://support.huaweicloud.com/intl/en-us/api-sdrs/sdrs_05_0101.html",
                "huaweicloudDocs/sdrs cn.zh-cn/API参考/查询job状态.md @5426f2d0ef6e91f9b7965bf1fb27ace965079372 (examples, error sample)",
                "mingyang91/huawei-cloud-api-definitions (third-party mirror of the API Explorer definitions) @e05e9a02eed3a8449e77f61895b1971900ea0091 schemas/SDRS/src/ShowJobStatus.json (x-tenant_flow_value 2000, x-multi_tenant_flow_value 4000, x-tenant_flow_time 1)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.SDRS.Source + " (release " + VendorRegions.Release + ")",
            },
            aliases: new[] { "BRS" });
    }
}
