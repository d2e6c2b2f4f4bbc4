using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Document Database Service: ShowJobDetail, GET /v3/{project_id}/jobs?id={job_id}. See docs/Services.md.</summary>
    internal static class Dds
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "DDS",
            displayName: "Document Database Service",
            hostLabel: "dds",
            pathTemplate: DatabaseJobShape.PathTemplate,
            shape: DatabaseJobShape.Create(),
            // The SDK types status as a plain string; the API page lists these three.
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Running")
                .Map(CloudJobStatus.Success, "Completed")
                .Map(CloudJobStatus.Failed, "Failed"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.Dds.Regions,
            endpointExceptions: VendorRegions.Dds.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/dds/v3/model/model_show_job_detail_response.go",
                "huaweicloud-sdk-go-v3 services/dds/v3/model/model_job_detail.go",
                "huaweicloud-sdk-go-v3 services/dds/v3/model/model_job_instance_info.go",
                "huaweicloud-sdk-python-v3 " + VendorRegions.Dds.Source + " (release " + VendorRegions.Release + ")",
                "https://support.huaweicloud.com/api-dds/dds_api_0118.html",
            });
    }
}
