using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Cloud Phone Host: ShowJob, GET /v1/{project_id}/cloud-phone/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class CPH
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "CPH",
            displayName: "Cloud Phone Host",
            hostLabel: "cph",
            pathTemplate: "/v1/{project_id}/cloud-phone/jobs/{job_id}",
            shape: new JobShape("status")
            {
                Id = new[] { "job_id" },
                BeginTime = new[] { "begin_time" },
                EndTime = new[] { "end_time" },
                ErrorCode = new[] { "error_code" },
                ErrorMessage = new[] { "error_msg", "execute_msg" },
                ResourceIds = new[] { "phone_id", "server_id" },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "1")
                .Map(CloudJobStatus.Success, "2")
                .Map(CloudJobStatus.Failed, "-1"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.CPH.Regions,
            endpointExceptions: VendorRegions.CPH.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cph/huaweicloudsdkcph/v1/cph_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_job_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cph/huaweicloudsdkcph/v1/model/show_job_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-go-v3 services/cph/v1/model/model_show_job_response.go @41a62123f015b0cfe77c9f73d6fee7ef4fe46c1a",
                "https://support.huaweicloud.com/api-cph/cph_api_0521.html (example)",
                "https://support.huaweicloud.com/intl/en-us/api-cph/cph_api_0521.html",
                "mingyang91/huawei-cloud-api-definitions (third-party mirror of the API Explorer definitions) @e05e9a02eed3a8449e77f61895b1971900ea0091 schemas/CPH/src/ShowJob.json",
                "huaweicloud-sdk-python-v3 " + VendorRegions.CPH.Source + " (release " + VendorRegions.Release + ")",
            });
    }
}
