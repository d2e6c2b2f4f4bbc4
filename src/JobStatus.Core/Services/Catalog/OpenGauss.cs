using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>GaussDB (for openGauss): ShowJobDetail, GET /v3/{project_id}/jobs?id={job_id}. See docs/Services.md.</summary>
    internal static class OpenGauss
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "openGauss",
            displayName: "GaussDB (for openGauss)",
            hostLabel: "gaussdb-opengauss",
            pathTemplate: "/v3/{project_id}/jobs?id={job_id}",
            shape: new JobShape("status")
            {
                Envelope = "job",
                Id = new[] { "id" },
                JobType = new[] { "name" },
                BeginTime = new[] { "created" },
                EndTime = new[] { "ended" },
                ErrorMessage = new[] { "fail_reason" },
                ResourceIds = new[] { "instance.id" },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Running")
                .Map(CloudJobStatus.Success, "Completed")
                .Map(CloudJobStatus.Failed, "Failed"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.OpenGauss.Regions,
            endpointExceptions: VendorRegions.OpenGauss.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-gaussdbforopengauss/huaweicloudsdkgaussdbforopengauss/v3/gaussdbforopengauss_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_job_detail_http_info: GET /v3/{project_id}/jobs, query id, response ShowJobDetailResponse)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-gaussdbforopengauss/huaweicloudsdkgaussdbforopengauss/v3/model/show_job_detail_request.py @343a486b5c8ab656611159f314df6e575d0f6398 (id)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-gaussdbforopengauss/huaweicloudsdkgaussdbforopengauss/v3/model/show_job_detail_response.py @343a486b5c8ab656611159f314df6e575d0f6398 (job: JobDetail)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-gaussdbforopengauss/huaweicloudsdkgaussdbforopengauss/v3/model/job_detail.py @343a486b5c8ab656611159f314df6e575d0f6398 (id, name, status (no enum), created, ended, progress, instance, fail_reason; time docstrings)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-gaussdbforopengauss/huaweicloudsdkgaussdbforopengauss/v3/model/job_instance_info.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud/huaweicloud-sdk-go-v3 services/gaussdbforopengauss/v3/model/model_job_detail.go @1cd70eb6f730ea721771a6ec8d96352bbb801787 (no enum; every field without omitempty)",
                "mingyang91/huawei-cloud-api-definitions schemas/GaussDBforopenGauss/src/ShowJobDetail.json @f100a05345b33c2734ae1cebc874c8e17d2b41fd (the vendor's API Explorer definition, mirrored; required lists, 200 example, ParaErrorResponse)",
                "https://support.huaweicloud.com/intl/en-us/api-gaussdb/gaussdb_api_129.html (Obtaining Task Information: status Running / Completed / Failed)",
                "https://support.huaweicloud.com/api-gaussdb/gaussdb_api_129.html (Chinese page, updated 2026-01-07: same three words; created/ended example 2021-07-12T09:22:04+0800)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.OpenGauss.Source + " (release " + VendorRegions.Release + ")",
            },
            aliases: new[] { "GaussDBforopenGauss" });
    }
}
