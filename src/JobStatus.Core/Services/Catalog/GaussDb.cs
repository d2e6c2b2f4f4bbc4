using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>GaussDB for MySQL (TaurusDB): ShowGaussMySqlJobInfo, GET /v3/{project_id}/jobs?id={job_id}. See docs/Services.md.</summary>
    internal static class GaussDb
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "GaussDB",
            displayName: "GaussDB for MySQL",
            hostLabel: "gaussdb",
            pathTemplate: DatabaseJobShape.PathTemplate,
            shape: DatabaseJobShape.Create(),
            // The Go SDK lists Running/Completed/Failed, the Python SDK adds Pending, the current API page
            // adds Unauthorized (waiting to be authorised) and Canceled: all are accepted.
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Pending", "Running", "Unauthorized")
                .Map(CloudJobStatus.Success, "Completed")
                .Map(CloudJobStatus.Failed, "Failed", "Canceled"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.GaussDb.Regions,
            endpointExceptions: VendorRegions.GaussDb.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/gaussdb/v3/gaussDB_meta.go (GenReqDefForShowGaussMySqlJobInfo)",
                "huaweicloud-sdk-go-v3 services/gaussdb/v3/model/model_show_gauss_my_sql_job_info_response.go",
                "huaweicloud-sdk-go-v3 services/gaussdb/v3/model/model_get_job_info_detail.go",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-gaussdb/huaweicloudsdkgaussdb/v3/model/get_job_info_detail.py",
                "huaweicloud-sdk-python-v3 " + VendorRegions.GaussDb.Source + " (release " + VendorRegions.Release + ")",
                "https://support.huaweicloud.com/api-taurusdb/ShowGaussMySqlJobInfo.html",
            },
            aliases: new[] { "TaurusDB", "GaussDBforMySQL" });
    }
}
