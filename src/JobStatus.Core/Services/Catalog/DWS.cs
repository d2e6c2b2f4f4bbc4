using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>GaussDB(DWS) Data Warehouse Service: ListJobDetails, GET /v1.0/{project_id}/job/{job_id}. See docs/Services.md.</summary>
    internal static class DWS
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "DWS",
            displayName: "GaussDB(DWS) Data Warehouse Service",
            hostLabel: "dws",
            pathTemplate: "/v1.0/{project_id}/job/{job_id}",
            shape: new JobShape("status")
            {
                Id = new[] { "job_id" },
                JobType = new[] { "job_name" },
                BeginTime = new[] { "begin_time" },
                EndTime = new[] { "end_time" },
                ErrorCode = new[] { "failed_code" },
                ErrorMessage = new[] { "failed_detail" },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "INIT", "WAITING", "RUNNING", "DELAY_SCHEDULED")
                .Map(CloudJobStatus.Success, "SUCCESS")
                .Map(CloudJobStatus.Failed, "FAIL", "STOP"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.DWS.Regions,
            endpointExceptions: VendorRegions.DWS.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-dws/huaweicloudsdkdws/v2/dws_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_list_job_details_http_info: GET /v1.0/{project_id}/job/{job_id}, response ListJobDetailsResponse)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-dws/huaweicloudsdkdws/v2/model/list_job_details_response.py @343a486b5c8ab656611159f314df6e575d0f6398 (status docstring INIT / WAITING / RUNNING / DELAY_SCHEDULED / FAIL / SUCCESS / STOP)",
                "huaweicloud/huaweicloud-sdk-go-v3 services/dws/v2/model/model_list_job_details_response.go @1cd70eb6f730ea721771a6ec8d96352bbb801787 (no enum; every field optional)",
                "mingyang91/huawei-cloud-api-definitions schemas/DWS/src/ListJobDetails.json @a7a1d0a92dffd2824060f7623b6dd129414efb48 (the vendor's API Explorer definition, mirrored; 200 example (a FAIL job); status codes without bodies)",
                "https://support.huaweicloud.com/intl/en-us/api-dws/dws_02_0605.html (Querying the Job Progress: example response)",
                "https://support.huaweicloud.com/api-dws/ListJobDetails.html (Chinese page, updated 2025-12-25: the seven status words)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.DWS.Source + " (release " + VendorRegions.Release + ")",
            });
    }
}
