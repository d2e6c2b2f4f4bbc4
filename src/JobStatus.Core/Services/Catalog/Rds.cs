using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Relational Database Service: ListJobInfo, GET /v3/{project_id}/jobs?id={job_id}. See docs/Services.md.</summary>
    internal static class Rds
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "RDS",
            displayName: "Relational Database Service",
            hostLabel: "rds",
            pathTemplate: DatabaseJobShape.PathTemplate,
            shape: DatabaseJobShape.Create(),
            // The SDK's GetJobInfoResponseBodyJobStatus enum.
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Running")
                .Map(CloudJobStatus.Success, "Completed")
                .Map(CloudJobStatus.Failed, "Failed"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.Rds.Regions,
            endpointExceptions: VendorRegions.Rds.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/rds/v3/rds_meta.go (GenReqDefForListJobInfo)",
                "huaweicloud-sdk-go-v3 services/rds/v3/model/model_list_job_info_response.go",
                "huaweicloud-sdk-go-v3 services/rds/v3/model/model_get_job_info_response_body_job.go",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-rds/huaweicloudsdkrds/v3/model/get_job_info_response_body_job.py",
                "huaweicloud-sdk-python-v3 " + VendorRegions.Rds.Source + " (release " + VendorRegions.Release + ")",
                "https://support.huaweicloud.com/intl/en-us/api-rds/rds_08_0001.html",
            },
            requestBudget: new DocumentedBudget(60, 60, "the RDS API reference: 60 calls a minute per user"));
    }
}
