using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Graph Engine Service: ShowJob2, GET /v2/{project_id}/graphs/{graph_id}/jobs/{job_id}/status. See docs/Services.md.</summary>
    internal static class GES
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "GES",
            displayName: "Graph Engine Service",
            hostLabel: "ges",
            pathTemplate: "/v2/{project_id}/graphs/{graph_id}/jobs/{job_id}/status",
            shape: new JobShape("status")
            {
                Id = new[] { "job_id" },
                JobType = new[] { "job_name", "job_type" },
                BeginTime = new[] { "begin_time" },
                EndTime = new[] { "end_time" },
                ErrorMessage = new[] { "fail_reason" },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "pending", "running")
                .Map(CloudJobStatus.Success, "success")
                .Map(CloudJobStatus.Failed, "failed"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.GES.Regions,
            endpointExceptions: VendorRegions.GES.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ges/huaweicloudsdkges/v2/ges_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_job2_http_info: GET /v2/{project_id}/graphs/{graph_id}/jobs/{job_id}/status, response ShowJob2Response)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ges/huaweicloudsdkges/v2/model/show_job2_request.py @343a486b5c8ab656611159f314df6e575d0f6398 (graph_id, job_id)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ges/huaweicloudsdkges/v2/model/show_job2_response.py @343a486b5c8ab656611159f314df6e575d0f6398 (status docstring pending / running / success / failed; UTC time docstrings; job_progress float)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ges/huaweicloudsdkges/v2/model/show_job_resp_job_detail.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-ges/huaweicloudsdkges/v2/model/show_job_resp_job_detail_schema_path.py @343a486b5c8ab656611159f314df6e575d0f6398 (file status success / failed / partFailed)",
                "huaweicloud/huaweicloud-sdk-go-v3 services/ges/v2/model/model_show_job2_response.go @1cd70eb6f730ea721771a6ec8d96352bbb801787 (no enum; every field optional)",
                "mingyang91/huawei-cloud-api-definitions schemas/GES/src/ShowJob2.json @f100a05345b33c2734ae1cebc874c8e17d2b41fd (the vendor's API Explorer definition, mirrored; 200 example (a success ImportGraph job); 400 example GES.8301)",
                "https://support.huaweicloud.com/intl/en-us/api-ges/ges_03_0373.html (Querying the Job Status (1.0.0), v2 path, updated 2025-12-25: pending, running, success, failed; times UTC)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.GES.Source + " (release " + VendorRegions.Release + ")",
            },
            notFoundErrorCodes: new[] { "GES.8301" },
            owner: new JobOwner(JobOwnerKind.Graph, "graph_id", "the graph the job belongs to"));
    }
}
