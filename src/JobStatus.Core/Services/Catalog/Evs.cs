using System.Collections.Generic;
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
            // The 34 regions of the vendor SDK's region file, sorted.
            regions: ServiceRegions.Parse(
                "ae-ad-1 af-north-1 af-south-1 ap-southeast-1 ap-southeast-2 ap-southeast-3"
                + " ap-southeast-4 ap-southeast-5 cn-east-2 cn-east-3 cn-east-4 cn-east-5 cn-north-1"
                + " cn-north-2 cn-north-4 cn-north-9 cn-north-11 cn-north-12 cn-south-1 cn-south-2"
                + " cn-south-4 cn-southwest-2 cn-southwest-3 eu-west-0 eu-west-101 la-north-2 la-south-2"
                + " me-east-1 my-kualalumpur-1 na-mexico-1 ru-moscow-1 ru-northwest-2 sa-brazil-1 tr-west-1"),
            endpointExceptions: new Dictionary<string, string>
            {
                ["eu-west-101"] = "https://evs.eu-west-101.myhuaweicloud.com",
            },
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/evs/v2/evs_meta.go (GenReqDefForShowJob)",
                "huaweicloud-sdk-go-v3 services/evs/v2/model/model_show_job_response.go, model_job_entities.go, model_sub_job.go, model_sub_job_entities.go",
                "huaweicloud-sdk-go-v3 services/evs/v2/region/region.go",
                "https://support.huaweicloud.com/intl/th-th/my-kualalumpur-1-api-evs/evs_04_0054.html",
            });
    }
}
