using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>GeminiDB (GaussDB NoSQL): ListJobs, GET /v3/{project_id}/jobs?id={job_id}. See docs/Services.md.</summary>
    internal static class GeminiDB
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "GeminiDB",
            displayName: "GeminiDB (GaussDB NoSQL)",
            hostLabel: "gaussdb-nosql",
            pathTemplate: "/v3/{project_id}/jobs?id={job_id}",
            shape: new JobShape("status")
            {
                Envelope = "jobs[]",
                Id = new[] { "id" },
                JobType = new[] { "name" },
                BeginTime = new[] { "start_time" },
                EndTime = new[] { "end_time" },
                ErrorMessage = new[] { "fail_reason" },
                ResourceIds = new[] { "instance.id" },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Running")
                .Map(CloudJobStatus.Success, "Completed")
                .Map(CloudJobStatus.Failed, "Failed"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.GeminiDB.Regions,
            endpointExceptions: VendorRegions.GeminiDB.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-gaussdbfornosql/huaweicloudsdkgaussdbfornosql/v3/gaussdbfornosql_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_list_jobs_http_info: GET /v3/{project_id}/jobs, query id, start_time, end_time, status, name, offset, limit; response ListJobsResponse)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-gaussdbfornosql/huaweicloudsdkgaussdbfornosql/v3/model/list_jobs_request.py @343a486b5c8ab656611159f314df6e575d0f6398 (30-day default window, limit 10/20/50)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-gaussdbfornosql/huaweicloudsdkgaussdbfornosql/v3/model/list_jobs_response.py @343a486b5c8ab656611159f314df6e575d0f6398 (jobs: list[JobDetail], total_count: int)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-gaussdbfornosql/huaweicloudsdkgaussdbfornosql/v3/model/job_detail.py @343a486b5c8ab656611159f314df6e575d0f6398 (status docstring: Running / Completed / Failed (enum values listed))",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-gaussdbfornosql/huaweicloudsdkgaussdbfornosql/v3/model/job_instance_info.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud/huaweicloud-sdk-go-v3 services/gaussdbfornosql/v3/model/model_job_detail.go @1cd70eb6f730ea721771a6ec8d96352bbb801787 (no enum type; every field without omitempty)",
                "mingyang91/huawei-cloud-api-definitions schemas/GaussDBforNoSQL/src/ListJobs.json @9e2deb0b656572da58106fea5c10c8f1751899fe (the vendor's API Explorer definition, mirrored; required lists; 200 example (a Running job))",
                "https://support.huaweicloud.com/api-nosql/nosql_10_0100.html (查询任务列表和详情 - QueryingTasksandDetails, updated 2025-11-26: status Running / Completed / Failed)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.GeminiDB.Source + " (release " + VendorRegions.Release + ")",
            },
            aliases: new[] { "NoSQL" });
    }
}
