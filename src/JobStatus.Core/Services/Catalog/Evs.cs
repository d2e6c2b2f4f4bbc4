using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Elastic Volume Service (v2 SDK): ShowJob, GET /v1/{project_id}/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class Evs
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "EVS",
            displayName: "Elastic Volume Service",
            hostLabel: "evs",
            pathTemplate: V1JobShape.PathTemplate,
            // JobEntities and SubJobEntities: volume_id, name, size, volume_type. A job with sub-jobs
            // returns no other entities field, so a batch's volumes are its sub-jobs'.
            shape: V1JobShape.Create(new[] { "volume_id" }),
            statuses: V1JobShape.Statuses(),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.Evs.Regions,
            endpointExceptions: VendorRegions.Evs.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/evs/v2/evs_meta.go (GenReqDefForShowJob)",
                "huaweicloud-sdk-go-v3 services/evs/v2/model/model_show_job_response.go, model_job_entities.go, model_sub_job.go, model_sub_job_entities.go",
                "huaweicloud-sdk-python-v3 " + VendorRegions.Evs.Source + " (release " + VendorRegions.Release + ")",
                "https://support.huaweicloud.com/intl/th-th/my-kualalumpur-1-api-evs/evs_04_0054.html",
            });
    }
}
