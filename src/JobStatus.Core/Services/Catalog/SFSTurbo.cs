using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Scalable File Service Turbo: ShowJobDetail, GET /v1/{project_id}/sfs-turbo/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class SFSTurbo
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "SFSTurbo",
            displayName: "Scalable File Service Turbo",
            hostLabel: "sfs-turbo",
            pathTemplate: "/v1/{project_id}/sfs-turbo/jobs/{job_id}",
            shape: new JobShape("status")
            {
                Id = new[] { "job_id" },
                JobType = new[] { "job_type" },
                BeginTime = new[] { "begin_time" },
                EndTime = new[] { "end_time" },
                ErrorCode = new[] { "error_code" },
                ErrorMessage = new[] { "fail_reason" },
                SubJobs = "sub_jobs",
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "waiting", "running")
                .Map(CloudJobStatus.Success, "success")
                .Map(CloudJobStatus.Failed, "failed"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.SFSTurbo.Regions,
            endpointExceptions: VendorRegions.SFSTurbo.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-sfsturbo/huaweicloudsdksfsturbo/v1/sfsturbo_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_job_detail_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-sfsturbo/huaweicloudsdksfsturbo/v1/model/show_job_detail_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-sfsturbo/huaweicloudsdksfsturbo/v1/model/get_sub_job_detail.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-go-v3 services/sfsturbo/v1/model/model_show_job_detail_response.go @6422523ff6d2b1a22db38e5250554309b54e7874",
                "huaweicloud-sdk-go-v3 services/sfsturbo/v1/model/model_get_sub_job_detail.go @6422523ff6d2b1a22db38e5250554309b54e7874",
                "https://support.huaweicloud.com/intl/en-us/api-sfsturbo/ShowJobDetail.html",
                "mingyang91/huawei-cloud-api-definitions (third-party mirror of the API Explorer definitions) @e05e9a02eed3a8449e77f61895b1971900ea0091 schemas/SFSTurbo/src/ShowJobDetail.json (example, error examples)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.SFSTurbo.Source + " (release " + VendorRegions.Release + ")",
            },
            aliases: new[] { "SFS-Turbo" });
    }
}
