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
            // The 26 regions of the vendor SDK's region file, sorted.
            regions: ServiceRegions.Parse(
                "ae-ad-1 af-south-1 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 cn-east-2"
                + " cn-east-3 cn-north-1 cn-north-2 cn-north-4 cn-north-9 cn-south-1 cn-south-2"
                + " cn-southwest-2 eu-west-0 eu-west-101 la-north-2 la-south-2 me-east-1 my-kualalumpur-1"
                + " na-mexico-1 ru-moscow-1 ru-northwest-2 sa-brazil-1 tr-west-1"),
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/dds/v3/model/model_show_job_detail_response.go",
                "huaweicloud-sdk-go-v3 services/dds/v3/model/model_job_detail.go",
                "huaweicloud-sdk-go-v3 services/dds/v3/model/model_job_instance_info.go",
                "huaweicloud-sdk-go-v3 services/dds/v3/region/region.go",
                "https://support.huaweicloud.com/api-dds/dds_api_0118.html",
            });
    }
}
