using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>SoftWare Repository for Container (Enterprise Edition): ShowInstanceJob, GET /v2/{project_id}/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class SWR
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "SWR",
            displayName: "SoftWare Repository for Container (Enterprise Edition)",
            hostLabel: "swr-api",
            pathTemplate: "/v2/{project_id}/jobs/{job_id}",
            shape: new JobShape("status")
            {
                Id = new[] { "id" },
                JobType = new[] { "type" },
                BeginTime = new[] { "created_at" },
                EndTime = new[] { "updated_at" },
                ErrorMessage = new[] { "reason" },
                ResourceIds = new[] { "resource_id", "instance_id" },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Creating", "Initializing", "Running")
                .Map(CloudJobStatus.Success, "Success")
                .Map(CloudJobStatus.Failed, "Failed"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.SWR.Regions,
            endpointExceptions: VendorRegions.SWR.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-swr/huaweicloudsdkswr/v2/swr_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_instance_job_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-swr/huaweicloudsdkswr/v2/model/show_instance_job_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-go-v3 services/swr/v2/model/model_show_instance_job_response.go @a832d27c18964e85c4424226d06877cf233e8b6c (ShowInstanceJobResponseStatusEnum: Creating, Initializing, Running, Failed, Success)",
                "https://support.huaweicloud.com/intl/en-us/api-swr2/swr_03_1002.html",
                "https://support.huaweicloud.com/api-swr2/swr_03_1002.html",
                "API Explorer definition as mirrored in github mingyang91/huawei-cloud-api-definitions schemas/SWR/src/ListInstanceJobs.json @e05e9a02eed3a8449e77f61895b1971900ea0091 (ListInstanceJobs example, page swr_03_1001)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.SWR.Source + " (release " + VendorRegions.Release + ")",
            });
    }
}
