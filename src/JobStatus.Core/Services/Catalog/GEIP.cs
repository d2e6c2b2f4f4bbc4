using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Global Elastic IP: ShowJobs, GET /v3/{domain_id}/geip/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class GEIP
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "GEIP",
            displayName: "Global Elastic IP",
            hostLabel: "eip",
            pathTemplate: "/v3/{domain_id}/geip/jobs/{job_id}",
            shape: new JobShape("status")
            {
                Envelope = "job",
                Id = new[] { "id" },
                JobType = new[] { "action" },
                BeginTime = new[] { "start_time" },
                EndTime = new[] { "end_time" },
                ErrorCode = new[] { "error_code" },
                ErrorMessage = new[] { "error_message", "error_task" },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Success, "FINISH_SUCC"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.GEIP.Regions,
            endpointExceptions: VendorRegions.GEIP.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-geip/huaweicloudsdkgeip/v3/geip_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_jobs_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-geip/huaweicloudsdkgeip/v3/model/show_jobs_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-geip/huaweicloudsdkgeip/v3/model/show_job.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-geip/huaweicloudsdkgeip/v3/geip_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (new_builder: ClientBuilder(cls, \"GlobalCredentials\"))",
                "huaweicloud-sdk-go-v3 services/geip/v3/model/model_show_job.go @e7b395c19c6973fa0416203261adeccee9bd5c1b",
                "https://support.huaweicloud.com/api-eip/ShowJobs.html",
                "mingyang91/huawei-cloud-api-definitions (third-party mirror of the API Explorer definitions) @e05e9a02eed3a8449e77f61895b1971900ea0091 schemas/GEIP/src/ShowJobs.json (example; host eip.myhuaweicloud.com; x-huawei-security validateTokenMode domain)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.GEIP.Source + " (release " + VendorRegions.Release + ")",
            },
            aliases: new[] { "GlobalEIP" });
    }
}
