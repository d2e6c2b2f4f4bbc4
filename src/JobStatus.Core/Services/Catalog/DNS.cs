using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Domain Name Service: ShowBatchOperationTask, GET /v2.1/batch-operation-tasks/{job_id}. See docs/Services.md.</summary>
    internal static class DNS
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "DNS",
            displayName: "Domain Name Service",
            hostLabel: "dns",
            pathTemplate: "/v2.1/batch-operation-tasks/{job_id}",
            shape: new JobShape("status")
            {
                Id = new[] { "id" },
                JobType = new[] { "type" },
                BeginTime = new[] { "created_at" },
                ErrorMessage = new[] { "error_items.error_message" },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "PENDING")
                .Map(CloudJobStatus.Success, "DONE"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.DNS.Regions,
            endpointExceptions: VendorRegions.DNS.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-dns/huaweicloudsdkdns/v2/dns_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_batch_operation_task_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-dns/huaweicloudsdkdns/v2/model/show_batch_operation_task_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-dns/huaweicloudsdkdns/v2/model/show_batch_operation_task_error_item.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-go-v3 services/dns/v2/model/model_show_batch_operation_task_response.go @fe9e3b63655da127dcb4c239532df6f1f4eb04f0",
                "https://support.huaweicloud.com/api-dns/ShowBatchOperationTask.html",
                "https://support.huaweicloud.com/intl/en-us/api-dns/ListBatchOperationTasks.html (public zones are global: call AP-Singapore ap-southeast-3)",
                "https://support.huaweicloud.com/intl/zh-cn/ally-visitor-1-api-dns/dns_api_80003.html (error body)",
                "mingyang91/huawei-cloud-api-definitions (third-party mirror of the API Explorer definitions) @e05e9a02eed3a8449e77f61895b1971900ea0091 schemas/DNS/src/ShowBatchOperationTask.json (example)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.DNS.Source + " (release " + VendorRegions.Release + ")",
            },
            globalCredentials: false);
    }
}
