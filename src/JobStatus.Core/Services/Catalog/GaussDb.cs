using System.Collections.Generic;
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
            // The 14 regions of the vendor SDK's region file, sorted.
            regions: ServiceRegions.Parse(
                "af-south-1 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 cn-east-3"
                + " cn-north-2 cn-north-4 cn-north-9 cn-south-1 cn-southwest-2 ru-northwest-2 sa-brazil-1"
                + " tr-west-1"),
            endpointExceptions: new Dictionary<string, string>
            {
                ["tr-west-1"] = "https://gaussdbformysql.tr-west-1.myhuaweicloud.com",
                ["ap-southeast-1"] = "https://gaussdbformysql.ap-southeast-1.myhuaweicloud.com",
                ["ap-southeast-2"] = "https://gaussdbformysql.ap-southeast-2.myhuaweicloud.com",
                ["af-south-1"] = "https://gaussdb-mysql.af-south-1.myhuaweicloud.com",
            },
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/gaussdb/v3/gaussDB_meta.go (GenReqDefForShowGaussMySqlJobInfo)",
                "huaweicloud-sdk-go-v3 services/gaussdb/v3/model/model_show_gauss_my_sql_job_info_response.go",
                "huaweicloud-sdk-go-v3 services/gaussdb/v3/model/model_get_job_info_detail.go",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-gaussdb/huaweicloudsdkgaussdb/v3/model/get_job_info_detail.py",
                "huaweicloud-sdk-go-v3 services/gaussdb/v3/region/region.go",
                "https://support.huaweicloud.com/api-taurusdb/ShowGaussMySqlJobInfo.html",
            },
            aliases: new[] { "TaurusDB", "GaussDBforMySQL" });
    }
}
