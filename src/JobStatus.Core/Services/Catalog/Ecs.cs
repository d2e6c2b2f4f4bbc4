using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Elastic Cloud Server (v2 SDK): ShowJob, GET /v1/{project_id}/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class Ecs
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "ECS",
            displayName: "Elastic Cloud Server",
            hostLabel: "ecs",
            pathTemplate: V1JobShape.PathTemplate,
            // Sub-job entities: server_id, nic_id, errorcode_message (SubJobEntities). The API page also
            // lists server_id and nic_id on the job's own entities, which the SDK's JobEntities lacks.
            shape: V1JobShape.Create(new[] { "server_id", "nic_id" }, failureDetail: "errorcode_message"),
            // The SDK's four words, and PENDING_PAYMENT from the API page: a yearly/monthly order waiting
            // to be paid, which has not ended (an unpaid order is cleaned up after 14 days).
            statuses: V1JobShape.Statuses().Map(CloudJobStatus.Running, "PENDING_PAYMENT"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.Ecs.Regions,
            endpointExceptions: VendorRegions.Ecs.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/ecs/v2/ecs_meta.go (GenReqDefForShowJob)",
                "huaweicloud-sdk-go-v3 services/ecs/v2/model/model_show_job_response.go, model_job_entities.go, model_sub_job.go, model_sub_job_entities.go",
                "huaweicloud-sdk-python-v3 " + VendorRegions.Ecs.Source + " (release " + VendorRegions.Release + ")",
                "https://support.huaweicloud.com/intl/en-us/api-ecs/ecs_02_0901.html",
            });
    }
}
