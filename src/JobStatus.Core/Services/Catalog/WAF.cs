using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Web Application Firewall: ConfirmAsyncJob, GET /v1/{project_id}/waf/async-job/{job_id}. See docs/Services.md.</summary>
    internal static class WAF
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "WAF",
            displayName: "Web Application Firewall",
            hostLabel: "waf",
            pathTemplate: "/v1/{project_id}/waf/async-job/{job_id}",
            shape: new JobShape("status")
            {
                Id = new[] { "job_id" },
                ErrorMessage = new[] { "message" },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "RUNNING")
                .Map(CloudJobStatus.Success, "SUCCESS")
                .Map(CloudJobStatus.Failed, "FAILED"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.WAF.Regions,
            endpointExceptions: VendorRegions.WAF.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-waf/huaweicloudsdkwaf/v1/waf_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_confirm_async_job_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-waf/huaweicloudsdkwaf/v1/model/confirm_async_job_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-go-v3 services/waf/v1/model/model_confirm_async_job_response.go @8b0e0689df9962d6e98ead41970c299f8f92dfd1",
                "https://support.huaweicloud.com/api-waf/ConfirmAsyncJob.html",
                "https://support.huaweicloud.com/intl/ja-jp/api-waf/ConfirmAsyncJob.html (English text)",
                "mingyang91/huawei-cloud-api-definitions (third-party mirror of the API Explorer definitions) @e05e9a02eed3a8449e77f61895b1971900ea0091 schemas/WAF/src/ConfirmAsyncJob.json (only a RUNNING example)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.WAF.Source + " (release " + VendorRegions.Release + ")",
            });
    }
}
