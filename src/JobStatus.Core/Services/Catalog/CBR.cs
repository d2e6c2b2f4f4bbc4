using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Cloud Backup and Recovery: ShowOpLog, GET /v3/{project_id}/operation-logs/{job_id}. See docs/Services.md.</summary>
    internal static class CBR
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "CBR",
            displayName: "Cloud Backup and Recovery",
            hostLabel: "cbr",
            pathTemplate: "/v3/{project_id}/operation-logs/{job_id}",
            shape: new JobShape("status")
            {
                Envelope = "operation_log",
                Id = new[] { "id" },
                JobType = new[] { "operation_type" },
                BeginTime = new[] { "started_at", "created_at" },
                EndTime = new[] { "ended_at" },
                ErrorCode = new[] { "error_info.code" },
                ErrorMessage = new[] { "error_info.message" },
                ResourceIds = new[] { "extra_info.resource.id", "extra_info.backup.backup_id", "checkpoint_id", "extra_info.restore.target_resource_id" },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "waiting", "running")
                .Map(CloudJobStatus.Success, "success")
                .Map(CloudJobStatus.Failed, "failed", "timeout", "skipped"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.CBR.Regions,
            endpointExceptions: VendorRegions.CBR.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cbr/huaweicloudsdkcbr/v1/cbr_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_op_log_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cbr/huaweicloudsdkcbr/v1/model/show_op_log_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cbr/huaweicloudsdkcbr/v1/model/operation_log.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cbr/huaweicloudsdkcbr/v1/model/op_error_info.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cbr/huaweicloudsdkcbr/v1/model/op_extra_info.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-go-v3 services/cbr/v1/model/model_operation_log.go @3f05c4f3d9b33cc1044df8bc5d3edc7a92b9e862",
                "https://support.huaweicloud.com/intl/en-us/ae-ad-1-api-cbr/ShowOpLog.html (status and operation_type enumeration values)",
                "https://support.huaweicloud.com/api-cbr/ShowOpLog.html (example and 404 BackupService.6500, as quoted by huaweicloud.com/guide/productsdesc-bms_87e4ae5e9b8097ec00b6efd1dfdfd006support1)",
                "https://support.huaweicloud.com/intl/id-id/api-cbr/ListOpLogs.html (meaning of skipped and timeout)",
                "mingyang91/huawei-cloud-api-definitions (third-party mirror of the API Explorer definitions) @e05e9a02eed3a8449e77f61895b1971900ea0091 schemas/CBR/src/ShowOpLog.json",
                "huaweicloud-sdk-python-v3 " + VendorRegions.CBR.Source + " (release " + VendorRegions.Release + ")",
            },
            notFoundErrorCodes: new[] { "BackupService.6500" });
    }
}
