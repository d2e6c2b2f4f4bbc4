using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Distributed Database Middleware: ShowDdmJobResult, GET /v3/{project_id}/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class DDM
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "DDM",
            displayName: "Distributed Database Middleware",
            hostLabel: "ddm",
            pathTemplate: "/v3/{project_id}/jobs/{job_id}",
            shape: new JobShape("status")
            {
                Envelope = "job",
                Id = new[] { "id" },
                JobType = new[] { "name" },
                BeginTime = new[] { "created_time" },
                EndTime = new[] { "end_time" },
                ResourceIds = new[] { "instance.id" },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Running")
                .Map(CloudJobStatus.Success, "Completed")
                .Map(CloudJobStatus.Failed, "Failed"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.DDM.Regions,
            endpointExceptions: VendorRegions.DDM.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ddm/huaweicloudsdkddm/v1/ddm_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_ddm_job_result_http_info: GET /v3/{project_id}/jobs/{job_id}, response ShowDdmJobResultResponse)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ddm/huaweicloudsdkddm/v1/model/show_ddm_job_result_response.py @343a486b5c8ab656611159f314df6e575d0f6398 (job: JobInfo)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ddm/huaweicloudsdkddm/v1/model/job_info.py @343a486b5c8ab656611159f314df6e575d0f6398 (status docstring Running / Completed / Failed; time docstrings; process)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ddm/huaweicloudsdkddm/v1/model/instance.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud/huaweicloud-sdk-go-v3 services/ddm/v1/model/model_job_info.go @1cd70eb6f730ea721771a6ec8d96352bbb801787 (no enum; process optional, the rest required)",
                "mingyang91/huawei-cloud-api-definitions schemas/DDM/src/ShowDdmJobResult.json @7535c259b1ed1f88e4a3bf2d46e7687e94f49078 (the vendor's API Explorer definition, mirrored; required lists; 200 example is a Running job; ErrorResponse)",
                "https://support.huaweicloud.com/intl/en-us/api-ddm/en-us_topic_0000002113619085.html (Obtaining Information About a Task with a Specified ID)",
                "https://support.huaweicloud.com/intl/ar-mena/api-ddm/ddm_api_01_0003.html (API Calling: request throttling)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.DDM.Source + " (release " + VendorRegions.Release + ")",
            },
            requestBudget: new DocumentedBudget(60, 60, "DDM API reference 'API Calling' (ddm_api_01_0003): standard request throttling policy, 60 calls per minute for a single user and 8,000 calls per minute for an API"));
    }
}
